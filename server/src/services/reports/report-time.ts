import { dayStart, nextDay } from '../../domain/day-bounds';
import { localTime } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/** Where a service day lies in time, and how to read the hour of an instant in it. */
export interface DayFrame {
  day: string;
  startMs: number;
  endMs: number;
  /** True when the day is 24 hours of one UTC offset (no clock change): hours are offsets. */
  uniform: boolean;
  timeZone: string;
}

const frames = new Map<string, DayFrame>();
const FRAMES_KEPT = 50_000;

/** The frame of a service day (YYYY-MM-DD) in a zone (remembered: zones' rules are fixed). */
export function dayFrame(day: string, timeZone: string): DayFrame {
  const key = `${timeZone}|${day}`;
  let frame = frames.get(key);
  if (!frame) {
    const startMs = dayStart(day, timeZone);
    const endMs = dayStart(nextDay(day), timeZone);
    frame = { day, startMs, endMs, timeZone, uniform: endMs - startMs === 24 * HOUR_MS };
    if (frames.size >= FRAMES_KEPT) frames.clear();
    frames.set(key, frame);
  }
  return frame;
}

/** The hour of the centre's wall clock (0..23) at an offset (ms) from the day's start. */
export function hourAt(frame: DayFrame, offsetMs: number): number {
  if (frame.uniform && offsetMs >= 0 && offsetMs < 24 * HOUR_MS) {
    return Math.floor(offsetMs / HOUR_MS);
  }
  return Math.floor(localTime(frame.startMs + offsetMs, frame.timeZone).minuteOfDay / 60);
}

/** The most days `daysBetween` lists: past it the range is refused, never looped over. */
export const MAX_DAYS_LISTED = 40_000;

/**
 * Every day from `from` to `to` (YYYY-MM-DD with four-digit years, both included);
 * `validation_failed` for a range over `MAX_DAYS_LISTED` days or past 9999-12-31.
 */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to;) {
    if (days.length >= MAX_DAYS_LISTED) {
      throw new DomainError('validation_failed', `More than ${MAX_DAYS_LISTED} days`);
    }
    days.push(day);
    if (day === to) break;
    day = nextDay(day);
  }
  return days;
}

const dateOf = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (dateOf(day).getUTCDay() + 6) % 7;
}

/** The ISO week (Monday first; week 1 holds the year's first Thursday) as `YYYY-Www`. */
export function isoWeekOf(day: string): string {
  const date = dateOf(day);
  const thursday = new Date(date.getTime() + (3 - weekdayOf(day)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - dateOf(`${year}-01-01`).getTime()) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Calls `each(hour, ms)` for the part of [start, end) (offsets) in each wall-clock hour. */
export function splitByHour(
  frame: DayFrame,
  start: number,
  end: number,
  each: (hour: number, ms: number) => void,
): void {
  let at = start;
  while (at < end) {
    const boundary = (Math.floor(at / HOUR_MS) + 1) * HOUR_MS;
    const until = Math.min(boundary, end);
    each(hourAt(frame, at), until - at);
    at = until;
  }
}
