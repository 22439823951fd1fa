/**
 * What the counter screen asks a visitor after their ticket is finished, as a pure state
 * machine: the hook around it (`use-rating.ts`) feeds it the feed's events, the visitor's
 * taps and its timers, and sends the rating whenever it enters `sending`.
 */

/** The finished ticket being rated, with its `ticket:finished` event's seq and time. */
export interface RatedTicket {
  id: number;
  number: string;
  finishedSeq: number;
  finishedAt: string;
}

/** Where the question stands. */
export type RatingStep =
  | { step: 'idle' }
  | { step: 'levels'; ticket: RatedTicket }
  | { step: 'reasons'; ticket: RatedTicket; level: number; reasons: string[] }
  | {
      step: 'sending';
      ticket: RatedTicket;
      level: number;
      reasons: string[];
      /** The idempotency key of this one rating, kept over retries and re-renders. */
      requestId: string;
      /** The visitor walked away (or the next was called): no thanks, straight back to idle. */
      quiet: boolean;
    }
  | { step: 'thanks' }
  | { step: 'failed'; error: unknown };

/** What can happen to the question. */
export type RatingAction =
  /** This counter finished a ticket (and the centre asks for ratings). */
  | { type: 'finished'; ticket: RatedTicket }
  /** This counter called a number (the `ticket:called` event's seq and time). */
  | { type: 'called'; seq: number; at: string; requestId: string }
  | { type: 'choose'; level: number; lowThreshold: number; hasReasons: boolean; requestId: string }
  | { type: 'toggle'; reason: string }
  | { type: 'send'; requestId: string }
  /** Nobody touched the screen for the centre's idle time. */
  | { type: 'timeout'; requestId: string }
  | { type: 'sent' }
  | { type: 'failed'; error: unknown }
  /** The thanks or the error has been shown long enough. */
  | { type: 'done' };

/** The question as it starts: nothing asked. */
export const IDLE: RatingStep = { step: 'idle' };

const send = (
  ticket: RatedTicket,
  level: number,
  reasons: string[],
  requestId: string,
  quiet: boolean,
): RatingStep => ({ step: 'sending', ticket, level, reasons, requestId, quiet });

/** Whether a call was made by the finish itself (a counter that calls automatically). */
const withTheFinish = (called: { seq: number; at: string }, ticket: RatedTicket) =>
  called.seq === ticket.finishedSeq + 1 && called.at === ticket.finishedAt;

/**
 * The next step. A level at or under the centre's low threshold asks for reasons; the
 * reasons (one or more) go with the level when the visitor presses "Gửi". A visitor who walks away on the
 * reasons step (the idle time passes, or the clerk calls the next number) has still given
 * a level, so the level alone is sent, quietly. A call at this counter ends an unanswered
 * question, except the call that comes with the finish itself (a counter set to call the
 * next number automatically does both in one command: the next event, at the same time).
 */
export function nextRatingStep(current: RatingStep, action: RatingAction): RatingStep {
  switch (action.type) {
    case 'finished':
      return current.step === 'sending' ? current : { step: 'levels', ticket: action.ticket };
    case 'called':
      if (current.step === 'levels') {
        return withTheFinish(action, current.ticket) ? current : IDLE;
      }
      if (current.step === 'reasons') {
        if (withTheFinish(action, current.ticket)) return current;
        return send(current.ticket, current.level, [], action.requestId, true);
      }
      return current.step === 'thanks' || current.step === 'failed' ? IDLE : current;
    case 'choose':
      if (current.step !== 'levels') return current;
      if (action.level <= action.lowThreshold && action.hasReasons) {
        return { step: 'reasons', ticket: current.ticket, level: action.level, reasons: [] };
      }
      return send(current.ticket, action.level, [], action.requestId, false);
    case 'toggle':
      if (current.step !== 'reasons') return current;
      return {
        ...current,
        reasons: current.reasons.includes(action.reason)
          ? current.reasons.filter((reason) => reason !== action.reason)
          : [...current.reasons, action.reason],
      };
    case 'send':
      // A low level asks for one or more reasons: "Gửi" waits for the first.
      if (current.step !== 'reasons' || current.reasons.length === 0) return current;
      return send(current.ticket, current.level, current.reasons, action.requestId, false);
    case 'timeout':
      if (current.step === 'levels') return IDLE;
      if (current.step === 'reasons') {
        return send(current.ticket, current.level, [], action.requestId, true);
      }
      return current;
    case 'sent':
      if (current.step !== 'sending') return current;
      return current.quiet ? IDLE : { step: 'thanks' };
    case 'failed':
      if (current.step !== 'sending') return current;
      return current.quiet ? IDLE : { step: 'failed', error: action.error };
    case 'done':
      return current.step === 'thanks' || current.step === 'failed' ? IDLE : current;
  }
}
