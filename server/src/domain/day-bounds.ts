import { formatterFor } from './calendar';

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a day (YYYY-MM-DD) on the zone's wall clock: its local midnight,
 * or, where a clock change skips midnight, the instant the day's clock starts.
 */
export function dayStart(day: string, timeZone: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const midnight = Date.UTC(year, month - 1, date);
  let guess = midnight - zoneOffset(midnight, timeZone);
  // The offset at the guess can differ from the one at UTC midnight (a clock change
  // between them): settle on the offset in force at the day's start.
  for (let i = 0; i < 2; i++) {
    const next = midnight - zoneOffset(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
