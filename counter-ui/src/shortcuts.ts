/** What a key press at the desk asks for; `serve` starts a called ticket or finishes a served one. */
export type DeskShortcut =
  'call-next' | 'recall' | 'start' | 'finish' | 'transfer' | 'no-show' | 'serve';

/** The function keys, always on; each button shows its own. */
export const FUNCTION_KEYS: Readonly<Record<string, DeskShortcut>> = {
  F1: 'call-next',
  F2: 'recall',
  F3: 'start',
  F4: 'finish',
  F6: 'transfer',
  F8: 'no-show',
};

/**
 * A USB number pad's keys, in number-pad mode (by `KeyboardEvent.key`, from the pad only):
 * the big keys for the frequent actions. `,` is the decimal key of a Vietnamese layout.
 */
export const NUMPAD_KEYS: Readonly<Record<string, DeskShortcut>> = {
  '+': 'call-next',
  '.': 'recall',
  ',': 'recall',
  Enter: 'serve',
  '-': 'no-show',
  '/': 'transfer',
};

/** The label each action's button shows for the number pad. */
export const NUMPAD_LABELS: Readonly<Partial<Record<DeskShortcut, string>>> = {
  'call-next': '+',
  recall: '.',
  serve: 'Enter',
  start: 'Enter',
  finish: 'Enter',
  'no-show': '−',
  transfer: '/',
};

/** The function key each action's button shows. */
export const FUNCTION_LABELS: Readonly<Partial<Record<DeskShortcut, string>>> = Object.fromEntries(
  Object.entries(FUNCTION_KEYS).map(([key, action]) => [action, key]),
);

/** The parts of a `KeyboardEvent` the desk reads. */
export interface KeyPress {
  key: string;
  /** `KeyboardEvent.location`: 3 is the number pad. */
  location: number;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** `KeyboardEvent.DOM_KEY_LOCATION_NUMPAD`. */
const NUMPAD_LOCATION = 3;

/**
 * The desk action a key press asks for, or null. Function keys always; number-pad keys
 * only in number-pad mode, and only from the pad itself (the main keyboard's `-` or
 * Enter never act). A press with Ctrl, Alt or Meta is the browser's or the system's.
 */
export function shortcutFor(press: KeyPress, numpadMode: boolean): DeskShortcut | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const fn = FUNCTION_KEYS[press.key];
  if (fn) return fn;
  if (numpadMode && press.location === NUMPAD_LOCATION) return NUMPAD_KEYS[press.key] ?? null;
  return null;
}

/** Whether a key is one of the desk's function keys, whose browser action must not fire. */
export function isDeskFunctionKey(key: string): boolean {
  return key in FUNCTION_KEYS;
}
