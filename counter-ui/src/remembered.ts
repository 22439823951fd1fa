/**
 * What this PC remembers for the clerk across reloads: the counter chosen here, the
 * number-pad mode, and an action the network lost (retried with its idempotency key).
 * Storage that is full or blocked only loses the memory, never the desk.
 */

const COUNTER_KEY = 'luot.counter.id';
const NUMPAD_KEY = 'luot.counter.numpad';
const PENDING_KEY = 'luot.counter.pending';

/** A desk action sent but not known to have reached the server. */
export interface PendingAction {
  counterId: number;
  /** The action's name, e.g. `call-next`: its button shows it is being sent again. */
  name: string;
  path: string;
  body?: unknown;
  /** The idempotency key of the first attempt, so a retry can never act twice. */
  key: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
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

/** The action still to be sent again, if one is. */
export function rememberedPending(): PendingAction | null {
  const text = read(PENDING_KEY);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingAction>;
    if (
      typeof value.counterId === 'number' &&
      typeof value.name === 'string' &&
      typeof value.path === 'string' &&
      typeof value.key === 'string'
    ) {
      return value as PendingAction;
    }
  } catch {
    // A damaged entry is dropped below.
  }
  write(PENDING_KEY, null);
  return null;
}

/** Remembers (or, with null, forgets) the action still to be sent again. */
export function rememberPending(pending: PendingAction | null): void {
  write(PENDING_KEY, pending === null ? null : JSON.stringify(pending));
}
