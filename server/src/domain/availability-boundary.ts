import type { CentreSettings } from '../contract/settings';
import { localTime, parseClockTime } from './calendar';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** What decides when the kiosk's services open and close during a day. */
export interface BoundaryInput {
  settings: Pick<
    CentreSettings,
    'enforceOpeningHours' | 'openingHours' | 'holidays' | 'cutoffMinutes'
  >;
  timeZone: string;
  /** Each active service's own cut-off (null: the centre's). */
  cutoffs: readonly (number | null)[];
}

/**
 * The next instant after `now` at which a service may open or close for the kiosk, in the
 * centre's zone: an opening, a service's cut-off, a closing, or at the latest the next
 * local midnight (a new day brings its own hours, holidays and daily caps).
 */
export function nextAvailabilityChange(input: BoundaryInput, now: number): number {
  const local = localTime(now, input.timeZone);
  const minutes = [DAY_MINUTES];
  const { settings } = input;
  if (settings.enforceOpeningHours && !settings.holidays.includes(local.day)) {
    const cutoffs = new Set(input.cutoffs.map((c) => c ?? settings.cutoffMinutes));
    for (const interval of settings.openingHours[String(local.weekday)] ?? []) {
      const open = parseClockTime(interval.open);
      const close = parseClockTime(interval.close);
      minutes.push(open, close);
      for (const cutoff of cutoffs) if (close - cutoff > open) minutes.push(close - cutoff);
    }
  }
  const next = Math.min(...minutes.filter((m) => m > local.minuteOfDay));
  return instantOfMinute(now, local.minuteOfDay, next, input.timeZone);
}

/**
 * The instant the local clock reads `target` minutes into `now`'s day (1440: the next
 * midnight). Zones are offset by whole minutes, so the local minute starts with the UTC
 * one; a clock change in between (summer time) is corrected by reading the result back.
 */
function instantOfMinute(now: number, current: number, target: number, timeZone: string): number {
  const guess = now - (now % MINUTE_MS) + (target - current) * MINUTE_MS;
  const read = localTime(guess, timeZone).minuteOfDay;
  // The shift, taken the short way round midnight: an hour either way, not a day.
  const shift =
    ((((target - read) % DAY_MINUTES) + DAY_MINUTES * 1.5) % DAY_MINUTES) - DAY_MINUTES / 2;
  const corrected = guess + shift * MINUTE_MS;
  return corrected > now ? corrected : guess;
}
