import type { StateSnapshot, Ticket } from '@luot/contract';
import { priorityLabel, statusMessageKey } from '@luot/ui-shared/contract';
import { findService, serviceName } from '@luot/ui-shared/format';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  state: StateSnapshot;
  ticket: Ticket | null;
}

/** The ticket called or being served here, very large, with what the clerk should know. */
export function CurrentTicket({ state, ticket }: Props) {
  const { t, lang } = useI18n();
  if (!ticket) {
    return (
      <div className="card current">
        <p className="current-none" data-testid="current-number-empty">
          {t('counter.none')}
        </p>
      </div>
    );
  }
  const transferredFrom =
    ticket.transferCount > 0 && ticket.originalServiceId !== ticket.serviceId
      ? findService(state.services, ticket.originalServiceId)
      : undefined;
  const notes = [
    ticket.priorityClass && priorityLabel(state.centre.priorityClasses, ticket.priorityClass, lang),
    ticket.recallCount > 0 && t('counter.recalls', { count: ticket.recallCount }),
  ].filter(Boolean);

  return (
    <div className={`card current${ticket.priorityClass ? ' current-priority' : ''}`}>
      <p className="current-label" data-testid="current-status">
        {t(statusMessageKey(ticket.status))}
      </p>
      <p className="current-number" data-testid="current-number">
        {ticket.number}
      </p>
      <p className="current-service">
        {serviceName(findService(state.services, ticket.serviceId), lang)}
      </p>
      {notes.length > 0 && <p className="current-notes">{notes.join(' · ')}</p>}
      {transferredFrom && (
        <p className="current-transfer">
          {t('counter.transferredFrom', { service: serviceName(transferredFrom, lang) })}
        </p>
      )}
      {ticket.note && (
        <p className="current-transfer" data-testid="current-note">
          {t('counter.transferNote', { note: ticket.note })}
        </p>
      )}
    </div>
  );
}
