import { useState } from 'react';
import {
  COUNTER_ACTIONS,
  priorityLabel,
  statusMessageKey,
  type Counter,
  type CounterAction,
  type StateSnapshot,
  type Ticket,
  type TicketResponse,
} from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { waitingForCounter } from '@luot/ui-shared/apply-event';
import { findService, serviceName } from '@luot/ui-shared/format';
import { errorText, useI18n } from '@luot/ui-shared/use-i18n';

interface Props {
  state: StateSnapshot;
  counter: Counter;
  onError: (error: unknown) => void;
}

/** Which actions make sense for the counter's current ticket (the server has the last word). */
function allowed(action: CounterAction, ticket: Ticket | null): boolean {
  const status = ticket?.status;
  switch (action) {
    case 'call-next':
      // Calling next while serving finishes the current ticket first.
      return status !== 'called';
    case 'recall':
    case 'start':
    case 'no-show':
      return status === 'called';
    case 'finish':
      return status === 'serving';
    case 'park':
      return status === 'called' || status === 'serving';
  }
}

const BUTTON_CLASS: Record<CounterAction, string> = {
  'call-next': 'btn action-primary',
  recall: 'btn btn-secondary',
  start: 'btn btn-ok',
  finish: 'btn btn-ok',
  'no-show': 'btn btn-danger',
  park: 'btn btn-secondary',
};

/** The clerk's desk: the current ticket, the actions on it, and the queue for this counter. */
export function CounterDesk({ state, counter, onError }: Props) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<CounterAction | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const ticket = counter.currentTicket;

  async function act(action: CounterAction) {
    if (pending !== null) return;
    setPending(action);
    setError(undefined);
    try {
      await apiPost<TicketResponse>(`/api/counters/${counter.id}/${action}`);
    } catch (err) {
      setError(err);
      onError(err);
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="desk">
      <div className={`card current${ticket?.priorityClass ? ' current-priority' : ''}`}>
        {ticket ? (
          <>
            <p className="current-label" data-testid="current-status">
              {t(statusMessageKey(ticket.status))}
            </p>
            <p className="current-number" data-testid="current-number">
              {ticket.number}
            </p>
            <p className="current-service">
              {serviceName(findService(state.services, ticket.serviceId), lang)}
            </p>
            {(ticket.priorityClass || ticket.recallCount > 0) && (
              <p className="current-notes">
                {[
                  ticket.priorityClass &&
                    priorityLabel(state.centre.priorityClasses, ticket.priorityClass, lang),
                  ticket.recallCount > 0 && t('counter.recalls', { count: ticket.recallCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
          </>
        ) : (
          <p className="current-none" data-testid="current-number-empty">
            {t('counter.none')}
          </p>
        )}
      </div>
      <p className="desk-waiting" data-testid="waiting-here">
        {t('counter.waitingHere', { count: waitingForCounter(state, counter) })}
      </p>
      {error !== undefined && (
        <p className="error-box" role="alert" data-testid="action-error">
          {errorText(t, error)}
        </p>
      )}
      <div className="actions">
        {COUNTER_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={BUTTON_CLASS[action]}
            data-testid={`action-${action}`}
            disabled={pending !== null || !allowed(action, ticket)}
            onClick={() => void act(action)}
          >
            {t(`action.${action}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
