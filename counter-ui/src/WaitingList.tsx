import type { Counter, StateSnapshot } from '@luot/contract';
import { priorityLabel } from '@luot/ui-shared/contract';
import { findService, serviceName } from '@luot/ui-shared/format';
import { useClock } from '@luot/ui-shared/use-clock';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { waitOf } from './day-figures';
import { ErrorAlert } from './ErrorAlert';
import { useTicketList } from './use-ticket-list';

interface Props {
  state: StateSnapshot;
  counter: Counter;
  onError: (error: unknown) => void;
}

/**
 * The tickets this counter may call, oldest first, each with its wait; a wait past its
 * service's target is marked in words and colour. The list scrolls inside its panel.
 */
export function WaitingList({ state, counter, onError }: Props) {
  const { t, lang } = useI18n();
  const now = useClock(15000).getTime();
  const { tickets, error } = useTicketList('waiting', state.seq, onError);
  const mine = (tickets ?? []).filter(
    (ticket) =>
      counter.serviceIds.includes(ticket.serviceId) &&
      (ticket.targetCounterId === null || ticket.targetCounterId === counter.id),
  );

  return (
    <section className="side-list waiting-panel" data-testid="waiting-list">
      <h3>
        {t('counter.waitingList')}
        {tickets !== null && <span className="count-badge">{mine.length}</span>}
      </h3>
      <ErrorAlert error={error} testId="waiting-error" />
      {tickets !== null && mine.length === 0 && <p className="muted">{t('counter.listEmpty')}</p>}
      {/* Focusable, so a clerk on the keyboard can scroll a long list too. */}
      <ul className="waiting-list" tabIndex={0} aria-label={t('counter.waitingList')}>
        {mine.map((ticket) => {
          const service = findService(state.services, ticket.serviceId);
          const target = service?.targetWaitMinutes;
          const wait = waitOf(ticket.issuedAt, target, now);
          return (
            <li
              key={ticket.id}
              className={`waiting-row${wait.overTarget ? ' waiting-over' : ''}`}
              data-testid={`waiting-${ticket.number}`}
              data-over-target={wait.overTarget ? 'true' : 'false'}
            >
              <span className="waiting-number">{ticket.number}</span>
              <span className="waiting-service">
                {serviceName(service, lang)}
                {ticket.priorityClass &&
                  ` · ${priorityLabel(state.centre.priorityClasses, ticket.priorityClass, lang)}`}
              </span>
              <span className="waiting-wait">
                {t('counter.waitMinutes', { minutes: wait.minutes })}
                {wait.overTarget && target !== undefined && (
                  <strong className="waiting-over-label">
                    {' '}
                    {t('counter.overTarget', { target })}
                  </strong>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
