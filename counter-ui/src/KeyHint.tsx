import type { DeskShortcut } from './shortcuts';
import { FUNCTION_LABELS, NUMPAD_LABELS } from './shortcuts';

/** The keys that do a button's action, shown on the button: its F-key, and the pad's in pad mode. */
export function KeyHint({ action, numpad }: { action: DeskShortcut; numpad: boolean }) {
  const keys = [FUNCTION_LABELS[action], numpad ? NUMPAD_LABELS[action] : undefined].filter(
    (key): key is string => key !== undefined,
  );
  if (keys.length === 0) return null;
  return (
    <span className="key-hints" data-testid={`keys-${action}`}>
      {keys.map((key) => (
        <kbd key={key} className="key-hint">
          {key}
        </kbd>
      ))}
    </span>
  );
}

/** The `aria-keyshortcuts` value of a button, so screen readers announce its keys too. */
export function ariaKeys(action: DeskShortcut, numpad: boolean): string | undefined {
  const pad = NUMPAD_LABELS[action];
  const keys = [FUNCTION_LABELS[action], numpad && pad ? PAD_ARIA[pad] : undefined].filter(Boolean);
  return keys.length === 0 ? undefined : keys.join(' ');
}

/** ARIA's names for the pad's keys. */
const PAD_ARIA: Record<string, string> = {
  '+': 'Plus',
  '.': 'Period',
  Enter: 'Enter',
  '−': 'Minus',
  '/': 'Slash',
};
