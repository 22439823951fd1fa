/** How long the chime lasts from its start, in seconds. */
export const CHIME_SECONDS = 1.35;

function tone(context: BaseAudioContext, frequency: number, start: number, length: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + length);
}

/**
 * Schedules a two-note "ding-dong" (oscillators and a gain envelope, no audio file) at
 * `when` on the context's timeline; returns the time it has died away.
 */
export function scheduleChime(context: BaseAudioContext, when: number): number {
  tone(context, 880, when, 0.6);
  tone(context, 659.25, when + 0.45, 0.9);
  return when + CHIME_SECONDS;
}
