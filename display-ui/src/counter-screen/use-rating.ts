import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from 'react';
import type { CentreInfo, FeedEnvelope, RateTicketRequest, RatingResponse } from '@luot/contract';
import { ApiRequestError, apiPost } from '@luot/ui-shared/api';
import { newRequestId } from '@luot/ui-shared/request-id';
import { serverNow } from '@luot/ui-shared/server-time';
import { SERVER_EVENTS } from '@luot/ui-shared/contract';
import { IDLE, nextRatingStep, type RatingStep } from './rating-flow';

/** How long the thanks stays before the screen goes back to the counter. */
export const THANKS_MS = 5000;
/** How long a failure to send stays on screen. */
export const FAILED_MS = 6000;
/**
 * A finish older than this (by the server's clock) is not asked about: it came in a
 * catch-up after the screen was offline, and that visitor has long gone.
 */
const MAX_FINISH_AGE_MS = 60_000;

/** The centre's rating settings as screens get them. */
export type RatingInfo = CentreInfo['rating'];

/** What the counter screen needs of the rating question. */
export interface RatingFlow {
  step: RatingStep;
  /** Hand every feed event here (`useQueueState`'s `onEvent`). */
  onEvent(envelope: FeedEnvelope): void;
  choose(level: number): void;
  toggle(reason: string): void;
  send(): void;
  /** The visitor touched the screen: the idle time starts again. */
  touch(): void;
}

/** Whether the server refused the rating because this screen may not rate (not paired here). */
export function isRefusal(error: unknown): boolean {
  return (
    error instanceof ApiRequestError &&
    (error.status === 403 || error.code === 'unauthenticated' || error.code === 'forbidden')
  );
}

/**
 * The rating question of counter `counterId`: asks when the counter finishes a ticket
 * (if the centre asks at all), sends the answer with its own idempotency key, and goes
 * back to idle after `idleSeconds` untouched. `onRefused` hears when the server refuses
 * this screen (under the paired policy, an unpaired screen or one paired elsewhere).
 */
export function useRating(
  counterId: number,
  settings: RatingInfo | null,
  onRefused: () => void,
): RatingFlow {
  const [step, dispatch] = useReducer(nextRatingStep, IDLE);
  const [touches, touch] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);
  const refused = useEffectEvent(onRefused);

  const onEvent = useCallback(
    (envelope: FeedEnvelope) => {
      if (envelope.type === SERVER_EVENTS.ticketFinished) {
        const { ticket, counter, seq, at } = envelope.payload;
        if ((counter?.id ?? ticket.counterId) !== counterId) return;
        if (!latest.current?.enabled) return;
        if (serverNow().getTime() - Date.parse(at) > MAX_FINISH_AGE_MS) return;
        dispatch({
          type: 'finished',
          ticket: { id: ticket.id, number: ticket.number, finishedSeq: seq, finishedAt: at },
        });
      } else if (envelope.type === SERVER_EVENTS.ticketCalled) {
        if (envelope.payload.counter.id !== counterId) return;
        const { seq, at } = envelope.payload;
        dispatch({ type: 'called', seq, at, requestId: newRequestId() });
      }
    },
    [counterId],
  );

  const idleMs = (settings?.idleSeconds ?? 30) * 1000;
  useEffect(() => {
    const wait =
      step.step === 'levels' || step.step === 'reasons'
        ? idleMs
        : step.step === 'thanks'
          ? THANKS_MS
          : step.step === 'failed'
            ? FAILED_MS
            : null;
    if (wait === null) return;
    const timer = setTimeout(
      () =>
        dispatch(
          step.step === 'thanks' || step.step === 'failed'
            ? { type: 'done' }
            : { type: 'timeout', requestId: newRequestId() },
        ),
      wait,
    );
    return () => clearTimeout(timer);
  }, [step, touches, idleMs]);

  useEffect(() => {
    if (step.step !== 'sending') return;
    let current = true;
    const body: RateTicketRequest =
      step.reasons.length > 0
        ? { level: step.level, reasons: step.reasons }
        : { level: step.level };
    apiPost<RatingResponse>(`/api/tickets/${step.ticket.id}/rating`, body, step.requestId).then(
      () => {
        if (current) dispatch({ type: 'sent' });
      },
      (error: unknown) => {
        console.warn('Luot: the rating was not stored', error);
        if (isRefusal(error)) refused();
        if (current) dispatch({ type: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [step]);

  const choose = useCallback(
    (level: number) =>
      dispatch({
        type: 'choose',
        level,
        lowThreshold: latest.current?.lowThreshold ?? 0,
        hasReasons: (latest.current?.reasons.length ?? 0) > 0,
        requestId: newRequestId(),
      }),
    [],
  );
  const toggle = useCallback((reason: string) => dispatch({ type: 'toggle', reason }), []);
  const send = useCallback(() => dispatch({ type: 'send', requestId: newRequestId() }), []);

  return { step, onEvent, choose, toggle, send, touch };
}
