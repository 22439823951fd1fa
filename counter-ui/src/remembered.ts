/**
 * What this PC remembers for the clerk across reloads: the counter chosen here, the
 * number-pad mode, and an action the network lost (retried with its idempotency key).
 * Storage that is full or blocked only loses the memory, never the desk.
 */

const COUNTER_KEY = 'luot.counter.id';
const NUMPAD_KEY = 'luot.counter.numpad';
const PENDING_KEY = 'luot.counter.pending';

/** How long a saved action may still be sent again; an older one is dropped, never replayed. */
export const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

/** A desk action sent but not known to have reached the server. */
export interface PendingAction {
  counterId: number;
  /** The clerk who pressed it: only they resume it, never the next clerk at this PC. */
  staffId: number;
  /** When it was first sent (ms since epoch): past `PENDING_MAX_AGE_MS` it is dropped. */
  savedAt: number;
  /** The action's name, e.g. `call-next`: its button shows it is being sent again. */
  name: string;
  path: string;
  body?: unknown;
  /** The idempotency key of the first attempt, so a retry can never act twice. */
  key: string;
}

/** The part of the browser's `localStorage` used here. */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** This PC's storage, if any (reached through `globalThis`, so Node tests can supply one). */
function store(): KeyValueStore | undefined {
  return (globalThis as { localStorage?: KeyValueStore }).localStorage;
}

function read(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) store()?.removeItem(key);
    else store()?.setItem(key, value);
  } catch {
    // Without storage the PC simply does not remember; the desk works the same.
  }
}

/** The counter last chosen on this PC, if any. */
export function rememberedCounterId(): number | null {
  const value = Number(read(COUNTER_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Remembers (or, with null, forgets) the counter chosen on this PC. */
export function rememberCounterId(id: number | null): void {
  write(COUNTER_KEY, id === null ? null : String(id));
}

/** Whether the number-pad mode is on at this PC. */
export function rememberedNumpadMode(): boolean {
  return read(NUMPAD_KEY) === '1';
}

/** Remembers the number-pad mode. */
export function rememberNumpadMode(on: boolean): void {
  write(NUMPAD_KEY, on ? '1' : null);
}

/** A saved action as read back, or null when it is damaged or from an older format. */
function parsePending(text: string): PendingAction | null {
  try {
    const value = JSON.parse(text) as Partial<PendingAction> | null;
    if (
      value !== null &&
      typeof value === 'object' &&
      typeof value.counterId === 'number' &&
      typeof value.staffId === 'number' &&
      typeof value.savedAt === 'number' &&
      Number.isFinite(value.savedAt) &&
      typeof value.name === 'string' &&
      typeof value.path === 'string' &&
      typeof value.key === 'string'
    ) {
      return value as PendingAction;
    }
  } catch {
    // A damaged entry is dropped by the caller.
  }
  return null;
}

/** Whether a saved action is too old to send again at `now` (or saved in the future). */
export function isPendingExpired(action: PendingAction, now: number): boolean {
  const age = now - action.savedAt;
  return age < 0 || age > PENDING_MAX_AGE_MS;
}

/**
 * The action this clerk left unsent at this counter, to send again. A damaged or expired
 * entry is forgotten; another clerk's (or another counter's) is left alone, not returned.
 */
export function rememberedPending(
  staffId: number,
  counterId: number,
  now: number,
): PendingAction | null {
  const text = read(PENDING_KEY);
  if (text === null) return null;
  const action = parsePending(text);
  if (action === null || isPendingExpired(action, now)) {
    write(PENDING_KEY, null);
    return null;
  }
  return action.staffId === staffId && action.counterId === counterId ? action : null;
}

/**
 * Saves the action about to be sent (before it is sent, so a reload mid-request resumes it
 * with its idempotency key), or with null forgets it.
 */
export function rememberPending(pending: PendingAction | null): void {
  write(PENDING_KEY, pending === null ? null : JSON.stringify(pending));
}
