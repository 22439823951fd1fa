import { useState, type FormEvent } from 'react';
import type {
  CallTicketRequest,
  Counter,
  StateSnapshot,
  Ticket,
  TicketResponse,
} from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { errorText, useI18n } from '@luot/ui-shared/use-i18n';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { TicketRow } from './TicketRow';
import { useAction } from './use-action';
import { useTicketList } from './use-ticket-list';

/** What the server accepts as a ticket number. */
const NUMBER_PATTERN = /^[A-Z0-9]{2,12}$/;
/** Rows shown at once; typing part of the number narrows the list. */
const ROWS_SHOWN = 40;

interface Props {
  state: StateSnapshot;
  counter: Counter;
  onClose: () => void;
  onCancelTicket: (ticket: Ticket) => void;
  onError: (error: unknown) => void;
}

/** Calls one ticket out of order: typed by its number, or picked from today's waiting list. */
export function CallNumberDialog({ state, counter, onClose, onCancelTicket, onError }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [onlyMine, setOnlyMine] = useState(true);
  const action = useAction(onError);
  const { tickets, error: listError } = useTicketList('waiting', state.seq, onError);
  const number = query.trim().toUpperCase();

  const shown = (tickets ?? []).filter(
    (ticket) =>
      (!onlyMine || counter.serviceIds.includes(ticket.serviceId)) &&
      ticket.number.includes(number),
  );

  async function call(target: CallTicketRequest) {
    const done = await action.run('call', () =>
      apiPost<TicketResponse>(`/api/counters/${counter.id}/call`, target),
    );
    if (done) onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (NUMBER_PATTERN.test(number)) void call({ number });
  }

  return (
    <Dialog title={t('counter.callNumber')} onClose={onClose} testId="call-dialog">
      <form className="call-form" onSubmit={submit}>
        <input
          className="call-input"
          data-testid="call-number-input"
          aria-label={t('counter.numberInput')}
          placeholder={t('counter.numberInput')}
          autoComplete="off"
          autoCapitalize="characters"
          // The clerk came here to type a number; the counter PC has a keyboard.
          autoFocus
          maxLength={12}
          value={query}
          onChange={(e) => setQuery(e.target.value.replace(/[^A-Za-z0-9]/g, ''))}
        />
        <button
          type="submit"
          className="btn"
          data-testid="call-number-submit"
          disabled={!NUMBER_PATTERN.test(number) || action.pending !== null}
        >
          {t('counter.call')}
        </button>
      </form>
      <ErrorAlert error={action.error} testId="call-error" />
      <div className="list-heading">
        <h3>{t('counter.waitingToday')}</h3>
        <label className="check">
          <input
            type="checkbox"
            data-testid="call-only-mine"
            checked={onlyMine}
            onChange={(e) => setOnlyMine(e.target.checked)}
          />
          {t('counter.onlyMine')}
        </label>
      </div>
      {listError !== undefined && <p className="error-box">{errorText(t, listError)}</p>}
      {tickets !== null && shown.length === 0 && <p className="muted">{t('counter.listEmpty')}</p>}
      <ul className="ticket-list" data-testid="waiting-list">
        {shown.slice(0, ROWS_SHOWN).map((ticket) => (
          <TicketRow key={ticket.id} ticket={ticket} state={state}>
            <button
              type="button"
              className="btn"
              data-testid={`call-${ticket.number}`}
              disabled={action.pending !== null}
              onClick={() => void call({ ticketId: ticket.id })}
            >
              {t('counter.call')}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid={`cancel-${ticket.number}`}
              disabled={action.pending !== null}
              onClick={() => onCancelTicket(ticket)}
            >
              {t('counter.cancelTicket')}
            </button>
          </TicketRow>
        ))}
      </ul>
    </Dialog>
  );
}
