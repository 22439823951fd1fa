import { useEffect, useEffectEvent, useState } from 'react';

/** When the screen was last touched, typed on or clicked, by the page's monotonic clock. */
let lastTouch = performance.now();

const touched = () => {
  lastTouch = performance.now();
};

// Capture phase: a tap counts even when the tile it hits stops the event.
for (const type of ['pointerdown', 'keydown', 'wheel'] as const) {
  window.addEventListener(type, touched, { capture: true, passive: true });
}

/** How often the idle time is checked; the countdown shown moves by whole seconds. */
const CHECK_MS = 250;

/** Whole seconds left before `seconds` of no touch have passed (never negative). */
function secondsLeft(seconds: number): number {
  return Math.max(0, Math.ceil((lastTouch + seconds * 1000 - performance.now()) / 1000));
}

/**
 * Calls `onIdle` once the screen has not been touched for `seconds`, while `enabled`
 * (the kiosk is away from its start screen). Enabling starts the count afresh: the tap that
 * left the start screen is the last touch.
 */
export function useIdle(seconds: number, enabled: boolean, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled) return;
    touched();
    const timer = setInterval(() => {
      if (secondsLeft(seconds) > 0) return;
      // Counts again from now, so a screen that stays away from the start (a visitor in
      // the middle of taking a number) is not reset again on every check.
      touched();
      fire();
    }, CHECK_MS);
    return () => clearInterval(timer);
  }, [seconds, enabled]);
}

/** The whole seconds left before `useIdle(seconds, …)` fires, for a visible countdown. */
export function useIdleSecondsLeft(seconds: number): number {
  const [left, setLeft] = useState(() => secondsLeft(seconds));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(seconds)), CHECK_MS);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
