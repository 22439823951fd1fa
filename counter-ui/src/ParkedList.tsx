import type { Counter, StateSnapshot, Ticket, TicketResponse } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';
import { TicketRow } from './TicketRow';
import { useAction } from './use-action';
import { useTicketList } from './use-ticket-list';

interface Props {
  state: StateSnapshot;
  counter: Counter;
  /** Whether this counter may call a ticket now (open, nobody called). */
  canCall: boolean;
  onCancelTicket: (ticket: Ticket) => void;
  onError: (error: unknown) => void;
}

/** Today's parked tickets: back to the head of the queue, called here now, or cancelled. */
export function ParkedList({ state, counter, canCall, onCancelTicket, onError }: Props) {
  const { t } = useI18n();
  const { tickets, error: listError } = useTicketList('parked', state.seq, onError);
  const action = useAction(onError);
  const counterNumber = (id: number | null) => state.counters.find((c) => c.id === id)?.number;

  return (
    <section className="side-list" data-testid="parked-list">
      <h3>
        {t('counter.parkedList')}
        {tickets !== null && <span className="count-badge">{tickets.length}</span>}
      </h3>
      <ErrorAlert error={action.error ?? listError} testId="parked-error" />
      {tickets?.length === 0 && <p className="muted">{t('counter.listEmpty')}</p>}
      <ul className="ticket-list">
        {tickets?.map((ticket) => {
          const at = counterNumber(ticket.counterId);
          return (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              state={state}
              detail={at === undefined ? undefined : t('counter.atCounter', { number: at })}
            >
              <button
                type="button"
                className="btn btn-secondary"
                data-testid={`return-${ticket.number}`}
                disabled={action.pending !== null}
                onClick={() =>
                  void action.run('return', () =>
                    apiPost<TicketResponse>(`/api/tickets/${ticket.id}/return`),
                  )
                }
              >
                {t('counter.returnToQueue')}
              </button>
              <button
                type="button"
                className="btn"
                data-testid={`call-now-${ticket.number}`}
                disabled={action.pending !== null || !canCall}
                onClick={() =>
                  void action.run('call', () =>
                    apiPost<TicketResponse>(`/api/counters/${counter.id}/call`, {
                      ticketId: ticket.id,
                    }),
                  )
                }
              >
                {t('counter.callNow')}
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-quiet"
                data-testid={`cancel-${ticket.number}`}
                disabled={action.pending !== null}
                onClick={() => onCancelTicket(ticket)}
              >
                {t('counter.cancelTicket')}
              </button>
            </TicketRow>
          );
        })}
      </ul>
    </section>
  );
}
