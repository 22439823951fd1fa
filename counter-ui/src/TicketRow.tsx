import type { ReactNode } from 'react';
import type { StateSnapshot, Ticket } from '@luot/contract';
import { priorityLabel } from '@luot/ui-shared/contract';
import { findService, formatTime, minutesSince, serviceName } from '@luot/ui-shared/format';
import { useClock } from '@luot/ui-shared/use-clock';
import { useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  ticket: Ticket;
  state: StateSnapshot;
  /** Extra detail, e.g. the counter a ticket was parked at. */
  detail?: string;
  /** The row's action buttons. */
  children: ReactNode;
}

/** One ticket of a staff list: number, service, priority, when it was taken, and its actions. */
export function TicketRow({ ticket, state, detail, children }: Props) {
  const { t, lang } = useI18n();
  const now = useClock(30000).getTime();
  const service = findService(state.services, ticket.serviceId);
  const facts = [
    ticket.priorityClass && priorityLabel(state.centre.priorityClasses, ticket.priorityClass, lang),
    detail,
    formatTime(ticket.issuedAt, lang),
    ticket.status === 'waiting' &&
      t('counter.waitedMinutes', { minutes: minutesSince(ticket.issuedAt, now) }),
    ticket.status === 'parked' &&
      ticket.parkedAt !== null &&
      t('counter.parkedMinutes', { minutes: minutesSince(ticket.parkedAt, now) }),
  ].filter(Boolean);
  return (
    <li className={`ticket-row${ticket.priorityClass ? ' ticket-row-priority' : ''}`}>
      <span className="ticket-row-number" data-testid="row-number">
        {ticket.number}
      </span>
      <span className="ticket-row-info">
        <span className="ticket-row-service">{serviceName(service, lang)}</span>
        <span className="ticket-row-facts">{facts.join(' · ')}</span>
      </span>
      <span className="ticket-row-actions">{children}</span>
    </li>
  );
}
