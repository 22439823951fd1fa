import { useEffect, useEffectEvent, useState } from 'react';

/** How long the first step waits for the second before it lapses. */
export const CONFIRM_MS = 4000;

/** Keys that never change a pending confirmation: modifiers held on their own. */
const NEUTRAL_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'NumLock']);

/** Keys that work the confirmation's own buttons (press one, move between them). */
const CONTROL_KEYS = new Set(['Enter', ' ', 'Tab']);

/** What a two-step action offers its screen. */
export interface ConfirmStep {
  /** The first step is taken for the current subject and waits for the second. */
  armed: boolean;
  /** A press of the action: true when it confirms (the second within the time), else it arms. */
  press: () => boolean;
  cancel: () => void;
}

/**
 * A destructive action taken in two steps: the first press arms it for `subject` (the ticket),
 * the second within `CONFIRM_MS` confirms. Escape or any other key cancels (except Enter,
 * Space and Tab on the confirmation's own controls, marked `data-confirm-area`), as does a
 * change of subject. `isConfirmKey` names the action's own keys, which the desk's
 * shortcuts handle. The other key still does its own job: the clerk loses nothing.
 */
export function useConfirmStep(
  subject: number | null,
  isConfirmKey: (event: KeyboardEvent) => boolean,
): ConfirmStep {
  const [armedFor, setArmedFor] = useState<number | null>(null);
  const armed = armedFor !== null && armedFor === subject;

  useEffect(() => {
    if (!armed) return undefined;
    const timer = setTimeout(() => setArmedFor(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [armed]);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape') {
      if (NEUTRAL_KEYS.has(event.key) || isConfirmKey(event)) return;
      const target = event.target;
      const onControls = target instanceof Element && target.closest('[data-confirm-area]');
      if (onControls && CONTROL_KEYS.has(event.key)) return;
    } else {
      event.preventDefault();
    }
    setArmedFor(null);
  });

  useEffect(() => {
    if (!armed) return undefined;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [armed]);

  return {
    armed,
    press: () => {
      if (armed) {
        setArmedFor(null);
        return true;
      }
      setArmedFor(subject);
      return false;
    },
    cancel: () => setArmedFor(null),
  };
}
