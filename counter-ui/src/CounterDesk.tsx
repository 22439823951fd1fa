import { lazy, Suspense, useEffect, useState } from 'react';
import type { Counter, CounterAction, StateSnapshot, Ticket } from '@luot/contract';
import { waitingForCounter } from '@luot/ui-shared/apply-event';
import { useI18n } from '@luot/ui-shared/use-i18n';
import type { ConnectionStatus } from '@luot/ui-shared/use-queue-state';
import { CurrentTicket } from './CurrentTicket';
import { DayFiguresBar } from './DayFiguresBar';
import { ErrorAlert } from './ErrorAlert';
import { FailedPrintsList } from './FailedPrintsList';
import { ariaKeys, KeyHint } from './KeyHint';
import { NoShowConfirm } from './NoShowConfirm';
import { NoShowList } from './NoShowList';
import { ParkedList } from './ParkedList';
import { PauseControls } from './PauseControls';
import { PrintersPanel } from './PrintersPanel';
import { shortcutFor, type DeskShortcut } from './shortcuts';
import { useAction } from './use-action';
import { useConfirmStep } from './use-confirm-step';
import { useDeskAction } from './use-desk-action';
import { useReprint, type Reprint } from './use-reprint';
import { useShortcuts } from './use-shortcuts';
import { WaitingList } from './WaitingList';

// The dialogs stay out of the desk's first load: they are fetched once the desk shows (so
// that they open at once, even if the server is out of reach by then) and kept.
const loadCallNumberDialog = () => import('./CallNumberDialog');
const loadCancelDialog = () => import('./CancelDialog');
const loadTransferDialog = () => import('./TransferDialog');
const CallNumberDialog = lazy(() =>
  loadCallNumberDialog().then((m) => ({ default: m.CallNumberDialog })),
);
const CancelDialog = lazy(() => loadCancelDialog().then((m) => ({ default: m.CancelDialog })));
const TransferDialog = lazy(() =>
  loadTransferDialog().then((m) => ({ default: m.TransferDialog })),
);

/** Fetches the dialogs ahead; a failure here is retried when one opens. */
function preloadDialogs() {
  for (const load of [loadCallNumberDialog, loadCancelDialog, loadTransferDialog]) {
    load().catch(() => undefined);
  }
}

interface Props {
  state: StateSnapshot;
  counter: Counter;
  /** The signed-in clerk: an action left unsent is resumed only for them. */
  staffId: number;
  connection: ConnectionStatus;
  /** Supervisors and admins (`printers:read`) also see the tickets whose print failed. */
  showFailedPrints: boolean;
  /** Number-pad mode: the pad's keys act too (see shortcuts.ts). */
  numpad: boolean;
  onError: (error: unknown) => void;
}

/** Which dialog is open over the desk; cancelling from the call list returns to it. */
type OpenDialog =
  | { kind: 'transfer'; ticket: Ticket }
  | { kind: 'call' }
  | { kind: 'cancel'; ticket: Ticket; back: 'call' | null }
  | null;

/** Which actions make sense for the counter's current ticket (the server has the last word). */
function allowed(action: CounterAction, ticket: Ticket | null, open: boolean): boolean {
  const status = ticket?.status;
  switch (action) {
    case 'call-next':
      // Calling next while serving finishes the current ticket first.
      return open && status !== 'called';
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

const ROW_ACTIONS: { action: CounterAction; className: string }[] = [
  { action: 'start', className: 'btn btn-ok' },
  { action: 'finish', className: 'btn btn-ok' },
  { action: 'no-show', className: 'btn btn-danger' },
];

/** The message for a reprint, by where its job stands. */
function reprintMessage(
  reprint: Reprint,
): 'counter.reprintDone' | 'counter.reprintFailed' | 'counter.reprintQueued' {
  if (reprint.status === 'done') return 'counter.reprintDone';
  if (reprint.status === 'failed' || reprint.status === 'cancelled') return 'counter.reprintFailed';
  return 'counter.reprintQueued';
}

/** The clerk's desk: counter state, the current ticket and its actions, and the side lists. */
export function CounterDesk({
  state,
  counter,
  staffId,
  connection,
  showFailedPrints,
  numpad,
  onError,
}: Props) {
  const { t } = useI18n();
  const desk = useDeskAction(counter.id, staffId, connection, onError);
  const other = useAction(onError);
  const reprints = useReprint();
  const { reprint } = reprints;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  useEffect(preloadDialogs, []);
  const ticket = counter.currentTicket;
  const open = counter.status === 'open';
  const busy = desk.pending !== null || desk.resending !== null || other.pending !== null;
  const canCall = open && ticket?.status !== 'called';
  const atDesk = ticket?.status === 'called' || ticket?.status === 'serving';
  const recallLimit = state.centre.recallLimit;
  const atRecallLimit = ticket !== null && ticket.recallCount >= recallLimit;
  const enabled = (name: CounterAction) =>
    !busy && allowed(name, ticket, open) && !(name === 'recall' && atRecallLimit);

  const act = (name: CounterAction) => {
    if (enabled(name)) void desk.run(name, `/api/counters/${counter.id}/${name}`);
  };
  // A no-show sends the visitor away: one press arms it, a second within 4 s confirms.
  const confirmNoShow = useConfirmStep(
    ticket?.status === 'called' ? ticket.id : null,
    (event) => shortcutFor(event, numpad) === 'no-show',
  );
  const noShow = () => {
    if (enabled('no-show') && confirmNoShow.press()) act('no-show');
  };
  const transfer = () => {
    if (!busy && atDesk && ticket) setDialog({ kind: 'transfer', ticket });
  };

  useShortcuts(numpad, (shortcut: DeskShortcut) => {
    if (shortcut === 'transfer') transfer();
    else if (shortcut === 'no-show') noShow();
    else if (shortcut === 'serve') act(ticket?.status === 'serving' ? 'finish' : 'start');
    else act(shortcut);
  });

  function button(name: CounterAction, className: string, label = t(`action.${name}`)) {
    const keyed = name === 'park' ? null : name;
    return (
      <button
        key={name}
        type="button"
        className={className}
        data-testid={`action-${name}`}
        disabled={!enabled(name)}
        aria-keyshortcuts={keyed ? ariaKeys(keyed, numpad) : undefined}
        data-confirm-area={name === 'no-show' ? '' : undefined}
        onClick={() => (name === 'no-show' ? noShow() : act(name))}
      >
        <span className="btn-label">{label}</span>
        {keyed && <KeyHint action={keyed} numpad={numpad} />}
      </button>
    );
  }

  return (
    <div className="workspace">
      <section className="desk">
        <PauseControls state={state} counter={counter} onError={onError} />
        <CurrentTicket state={state} ticket={ticket} />
        {/* For its few seconds the no-show's question takes the figures' place: the desk fits. */}
        <div className="desk-figures" hidden={confirmNoShow.armed && ticket !== null}>
          <p className="desk-waiting" data-testid="waiting-here">
            {t('counter.waitingHere', { count: waitingForCounter(state, counter) })}
          </p>
          <DayFiguresBar counter={counter} onError={onError} />
        </div>
        {confirmNoShow.armed && ticket && (
          <NoShowConfirm
            number={ticket.number}
            numpad={numpad}
            onConfirm={noShow}
            onCancel={confirmNoShow.cancel}
          />
        )}
        {desk.resending && (
          <p className="resending" role="status" data-testid="resending">
            {t('counter.resending', {
              action: t(`action.${desk.resending.name as CounterAction}`),
            })}
          </p>
        )}
        {reprint && reprint.number === ticket?.number && (
          <p
            className={`reprint-status reprint-${reprint.status}`}
            role="status"
            data-testid="reprint-status"
            data-status={reprint.status}
          >
            {t(reprintMessage(reprint), { number: reprint.number })}
          </p>
        )}
        <ErrorAlert error={desk.error ?? other.error} testId="action-error" />
        <div className="actions">
          {button('call-next', 'btn action-primary')}
          <button
            type="button"
            className="btn btn-secondary action-call-number"
            data-testid="open-call-number"
            disabled={busy || !canCall}
            onClick={() => setDialog({ kind: 'call' })}
          >
            {t('counter.callNumber')}
          </button>
          {button(
            'recall',
            'btn btn-secondary',
            t('counter.recallCount', { count: ticket?.recallCount ?? 0, limit: recallLimit }),
          )}
          {ROW_ACTIONS.map(({ action: name, className }) => button(name, className))}
          {button('park', 'btn btn-secondary')}
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="action-transfer"
            disabled={busy || !atDesk}
            aria-keyshortcuts={ariaKeys('transfer', numpad)}
            onClick={transfer}
          >
            <span className="btn-label">{t('counter.transfer')}</span>
            <KeyHint action="transfer" numpad={numpad} />
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-quiet"
            data-testid="action-cancel"
            disabled={busy || ticket?.status !== 'called'}
            onClick={() => ticket && setDialog({ kind: 'cancel', ticket, back: null })}
          >
            {t('counter.cancelTicket')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="action-reprint"
            disabled={busy || !atDesk}
            onClick={() => ticket && void other.run('reprint', () => reprints.start(ticket))}
          >
            {t('counter.reprint')}
          </button>
        </div>
        {numpad && (
          <p className="numpad-legend" data-testid="numpad-legend">
            {t('counter.numpadLegend')}
          </p>
        )}
      </section>
      <aside className="side">
        <WaitingList state={state} counter={counter} onError={onError} />
        <ParkedList
          state={state}
          counter={counter}
          canCall={canCall}
          onCancelTicket={(parked) => setDialog({ kind: 'cancel', ticket: parked, back: null })}
          onError={onError}
        />
        <NoShowList state={state} onError={onError} />
        <PrintersPanel printers={state.printers} />
        {showFailedPrints && <FailedPrintsList state={state} onError={onError} />}
      </aside>
      <Suspense fallback={null}>
        {dialog?.kind === 'transfer' && (
          <TransferDialog
            state={state}
            counter={counter}
            ticket={dialog.ticket}
            onClose={() => setDialog(null)}
            onError={onError}
          />
        )}
        {dialog?.kind === 'call' && (
          <CallNumberDialog
            state={state}
            counter={counter}
            onClose={() => setDialog(null)}
            onCancelTicket={(waiting) =>
              setDialog({ kind: 'cancel', ticket: waiting, back: 'call' })
            }
            onError={onError}
          />
        )}
        {dialog?.kind === 'cancel' && (
          <CancelDialog
            ticket={dialog.ticket}
            onClose={() => setDialog(dialog.back === 'call' ? { kind: 'call' } : null)}
            onError={onError}
          />
        )}
      </Suspense>
    </div>
  );
}
