import { useEffect, useEffectEvent } from 'react';
import { isDeskFunctionKey, shortcutFor, type DeskShortcut } from './shortcuts';

/** Whether the clerk is typing or answering a dialog, where keys are theirs, not the desk's. */
function typing(event: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open]')) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // A checkbox or switch takes no text: the desk's keys still work with it focused.
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  );
}

/**
 * The desk's keyboard: F1 next, F2 recall, F3 start, F4 finish, F6 transfer, F8 no-show,
 * and in number-pad mode the pad's keys (see `NUMPAD_KEYS`). The function keys never
 * reach the browser (F1 help, F3 find, F6 address bar); none acts while the clerk types.
 */
export function useShortcuts(numpadMode: boolean, onShortcut: (shortcut: DeskShortcut) => void) {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (isDeskFunctionKey(event.key)) event.preventDefault();
    if (event.repeat || typing(event)) return;
    const shortcut = shortcutFor(event, numpadMode);
    if (shortcut === null) return;
    event.preventDefault();
    onShortcut(shortcut);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
