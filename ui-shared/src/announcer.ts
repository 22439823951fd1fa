/** One call for a hall display to say. */
export interface CallToAnnounce {
  /**
   * What makes a call the same call (`callKey`): the ticket id and when it was called. A
   * replayed event or a snapshot listing the call again has the same key and is never said
   * twice; a recall is called at a later time and is said again.
   */
  key: string;
  ticketNumber: string;
  counterNumber: number;
  /** When the server made the call (the event's `at`), ISO 8601. */
  calledAt: string;
  recall: boolean;
}

/** The key of a call, the same from a `ticket:called` event and from a snapshot's recent calls. */
export const callKey = (ticketId: number, calledAt: string): string => `${ticketId}@${calledAt}`;

/** Sound a hall display can make; the promise settles when the call has been said in full. */
export interface VoiceOutput {
  /** Says one call `repeats` times (chime first when the settings ask for one). */
  say(call: CallToAnnounce, repeats: number): Promise<void>;
}

/** How calls are queued; read each time a call starts, so a settings change applies at once. */
export interface AnnouncerSettings {
  /** How many times a call is said. */
  repeats: number;
  /** More calls than this waiting (the one starting included): each is said once. */
  backlogThreshold: number;
}

/** What the announcer decided about a call, for the display's log and for tests. */
export type AnnouncerNote =
  | { kind: 'queued' | 'duplicate' | 'stale'; key: string }
  | { kind: 'start'; key: string; repeats: number }
  | { kind: 'end'; key: string }
  | { kind: 'failed'; key: string; error: unknown };

/** What `createAnnouncer` is built from. */
export interface AnnouncerOptions {
  output: VoiceOutput;
  settings: () => AnnouncerSettings;
  /** The server's clock in ms (a screen PC's own clock may be wrong). */
  now: () => number;
  /** A call older than this when its turn comes is not said: the visitor has long gone. */
  maxAgeMs?: number;
  /** How many keys are remembered to refuse replays. */
  remember?: number;
  note?: (note: AnnouncerNote) => void;
}

/** Plays calls one after another. */
export interface Announcer {
  /** Queues a call unless it was already queued or said; returns whether it was queued. */
  announce(call: CallToAnnounce): boolean;
  /** Marks a call as known without saying it (calls already on screen when a display starts). */
  skip(key: string): void;
  /** Calls not yet started. */
  readonly queued: number;
  /** Whether a call is being said. */
  readonly busy: boolean;
}

/** Calls older than this are not said (a display that was blocked or offline for long). */
export const DEFAULT_MAX_CALL_AGE_MS = 3 * 60_000;

/** Enough keys for a busy day's last hours; older replays are far past `maxAgeMs` anyway. */
const DEFAULT_REMEMBER = 2000;

/**
 * Queues calls first in, first out: each waits for the one before to end, so none is
 * cut off and none overlaps. A call is said `repeats` times, or once while more than
 * `backlogThreshold` wait, so a burst clears. A call with a key seen before is dropped;
 * one whose turn comes more than `maxAgeMs` after it was made is skipped. A failing
 * output is noted and the queue moves on.
 */
export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const { output, settings, now, note = () => undefined } = options;
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_CALL_AGE_MS;
  const remember = options.remember ?? DEFAULT_REMEMBER;
  const queue: CallToAnnounce[] = [];
  const seen = new Set<string>();
  let busy = false;

  function remembered(key: string): boolean {
    if (seen.has(key)) return true;
    seen.add(key);
    // A Set iterates in insertion order: the first key is the oldest.
    if (seen.size > remember) seen.delete(seen.values().next().value as string);
    return false;
  }

  async function playAll(): Promise<void> {
    busy = true;
    for (let call = queue.shift(); call !== undefined; call = queue.shift()) {
      const age = now() - Date.parse(call.calledAt);
      if (age > maxAgeMs) {
        note({ kind: 'stale', key: call.key });
        continue;
      }
      const { repeats, backlogThreshold } = settings();
      const waiting = queue.length + 1;
      const times = waiting > backlogThreshold ? 1 : Math.max(1, repeats);
      note({ kind: 'start', key: call.key, repeats: times });
      try {
        await output.say(call, times);
        note({ kind: 'end', key: call.key });
      } catch (error) {
        note({ kind: 'failed', key: call.key, error });
      }
    }
    busy = false;
  }

  return {
    announce(call) {
      if (remembered(call.key)) {
        note({ kind: 'duplicate', key: call.key });
        return false;
      }
      queue.push(call);
      note({ kind: 'queued', key: call.key });
      if (!busy) void playAll();
      return true;
    },
    skip(key) {
      remembered(key);
    },
    get queued() {
      return queue.length;
    },
    get busy() {
      return busy;
    },
  };
}
