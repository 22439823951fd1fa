import { formatterFor } from './calendar';
import { DomainError } from './errors';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day's year, month (1..12) and date; `validation_failed` for anything but a day with a
 * four-digit year (ISO strings past 9999 read `+010000-…` and would never compare right).
 */
function partsOf(day: string): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new DomainError('validation_failed', `Not a day as YYYY-MM-DD: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The UTC instant of a wall-clock reading, any year (Date.UTC reads 0..99 as 1900..1999). */
function utc(year: number, month: number, date: number, minutes = 0): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, date);
  at.setUTCHours(0, minutes, 0, 0);
  return at.getTime();
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall =
    utc(part('year'), part('month'), part('day'), part('hour') * 60 + part('minute')) +
    part('second') * 1000;
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a day (YYYY-MM-DD) on the zone's wall clock: its local midnight,
 * or, where a clock change skips midnight, the instant the day's clock starts.
 */
export function dayStart(day: string, timeZone: string): number {
  return wallClockInstant(day, 0, timeZone);
}

/**
 * The instant the zone's wall clock reads `minuteOfDay` (0..1440) on `day`; where a clock
 * change skips that reading, the instant the clock moves past it.
 */
export function wallClockInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const [year, month, date] = partsOf(day);
  const wall = utc(year, month, date, minuteOfDay);
  let guess = wall - zoneOffset(wall, timeZone);
  // The offset at the guess can differ from the one at the reading taken as UTC (a clock
  // change between them): settle on the offset in force at the guess.
  for (let i = 0; i < 2; i++) {
    const next = wall - zoneOffset(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/**
 * The day after `day` (YYYY-MM-DD), by the calendar; `validation_failed` after 9999-12-31
 * (the next day has no four-digit year).
 */
export function nextDay(day: string): string {
  const [year, month, date] = partsOf(day);
  const next = new Date(utc(year, month, date + 1));
  const nextYear = next.getUTCFullYear();
  if (nextYear > 9999) throw new DomainError('validation_failed', `No day after ${day}`);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(nextYear, 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
