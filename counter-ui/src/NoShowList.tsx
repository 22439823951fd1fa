import type { StateSnapshot, TicketResponse } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ErrorAlert } from './ErrorAlert';
import { TicketRow } from './TicketRow';
import { useAction } from './use-action';
import { useTicketList } from './use-ticket-list';

interface Props {
  state: StateSnapshot;
  onError: (error: unknown) => void;
}

/** Today's no-shows; one who turns up late is put back in the queue. */
export function NoShowList({ state, onError }: Props) {
  const { t } = useI18n();
  const { tickets, error: listError } = useTicketList('no-show', state.seq, onError);
  const action = useAction(onError);

  return (
    <section className="side-list" data-testid="no-show-list">
      <h3>
        {t('counter.noShowList')}
        {tickets !== null && <span className="count-badge">{tickets.length}</span>}
      </h3>
      <ErrorAlert error={action.error ?? listError} testId="no-show-error" />
      {tickets?.length === 0 && <p className="muted">{t('counter.listEmpty')}</p>}
      <ul className="ticket-list">
        {tickets?.map((ticket) => (
          <TicketRow key={ticket.id} ticket={ticket} state={state}>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={`requeue-${ticket.number}`}
              disabled={action.pending !== null}
              onClick={() =>
                void action.run('requeue', () =>
                  apiPost<TicketResponse>(`/api/tickets/${ticket.id}/requeue`),
                )
              }
            >
              {t('counter.requeue')}
            </button>
          </TicketRow>
        ))}
      </ul>
    </section>
  );
}
