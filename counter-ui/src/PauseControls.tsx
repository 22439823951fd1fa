import { useState } from 'react';
import type { Counter, CounterResponse, StateSnapshot } from '@luot/contract';
import { apiPost } from '@luot/ui-shared/api';
import { formatElapsed } from '@luot/ui-shared/format';
import { useClock } from '@luot/ui-shared/use-clock';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './use-action';

interface Props {
  state: StateSnapshot;
  counter: Counter;
  onError: (error: unknown) => void;
}

/**
 * The counter's own state: pause with one of the centre's reasons and resume, close
 * and open for the day, and auto-call. While paused it shows the reason and for how long.
 */
export function PauseControls({ state, counter, onError }: Props) {
  const { t } = useI18n();
  const action = useAction(onError);
  const [choosing, setChoosing] = useState(false);
  const busy = action.pending !== null;
  // The server refuses to pause or close a counter that still has a ticket.
  const free = counter.currentTicket === null;

  const post = (name: string, body?: unknown) =>
    action.run(name, () => apiPost<CounterResponse>(`/api/counters/${counter.id}/${name}`, body));

  // A paused counter resumes, a closed one opens for the day.
  const reopen =
    counter.status === 'paused'
      ? ({ name: 'resume', testId: 'resume', label: 'counter.resume' } as const)
      : counter.status === 'closed'
        ? ({ name: 'open', testId: 'open-counter', label: 'counter.openCounter' } as const)
        : null;

  async function pause(reason: string) {
    if (await post('pause', { reason })) setChoosing(false);
  }

  return (
    <div className={`counter-state counter-state-${counter.status}`} data-testid="counter-state">
      {counter.status === 'paused' && (
        <p className="counter-state-text" data-testid="paused-banner">
          {t('counter.pausedFor', { reason: counter.pauseReason ?? '' })}
          {counter.statusSince && <Elapsed since={counter.statusSince} />}
        </p>
      )}
      {counter.status === 'closed' && (
        <p className="counter-state-text">{t('counter.closedForDay')}</p>
      )}
      {counter.status === 'open' && (
        <>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="pause"
            disabled={busy || !free}
            onClick={() => setChoosing(true)}
          >
            {t('counter.pause')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="close-counter"
            disabled={busy || !free}
            onClick={() => void post('close')}
          >
            {t('counter.closeCounter')}
          </button>
          <label className="switch" data-testid="auto-call">
            <input
              type="checkbox"
              role="switch"
              checked={counter.autoCall}
              disabled={busy}
              onChange={(e) => void post('auto-call', { enabled: e.target.checked })}
            />
            <span className="switch-track" aria-hidden="true" />
            {t('counter.autoCall')}
          </label>
        </>
      )}
      <span className="toolbar-spacer" />
      {reopen && (
        <button
          type="button"
          className="btn btn-ok"
          data-testid={reopen.testId}
          disabled={busy}
          onClick={() => void post(reopen.name)}
        >
          {t(reopen.label)}
        </button>
      )}
      {!choosing && (
        <ErrorAlert error={action.error} testId="state-error" className="counter-state-error" />
      )}
      {choosing && (
        <Dialog
          title={t('counter.pauseTitle')}
          onClose={() => setChoosing(false)}
          testId="pause-dialog"
        >
          <div className="reason-grid">
            {state.centre.pauseReasons.map((reason) => (
              <button
                key={reason}
                type="button"
                className="btn btn-secondary"
                data-testid="pause-reason"
                disabled={busy}
                onClick={() => void pause(reason)}
              >
                {reason}
              </button>
            ))}
          </div>
          <ErrorAlert error={action.error} />
        </Dialog>
      )}
    </div>
  );
}

/** How long the counter has been in its state, ticking every second. */
function Elapsed({ since }: { since: string }) {
  const { t } = useI18n();
  const now = useClock(1000);
  return (
    <span className="elapsed" data-testid="paused-elapsed">
      {t('counter.elapsed', { time: formatElapsed(now.getTime() - Date.parse(since)) })}
    </span>
  );
}
