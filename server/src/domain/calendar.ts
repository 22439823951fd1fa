import type { OpeningInterval } from '../contract/settings';
import { DomainError } from './errors';

/** When the centre is open: intervals per weekday (0 = Sunday … 6 = Saturday) and holidays. */
export interface CentreCalendar {
  timeZone: string;
  weekly: Record<number, OpeningInterval[]>;
  /** Closed days, YYYY-MM-DD in the centre's zone. */
  holidays: string[];
}

/** An instant as the centre's wall clock reads it. */
export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const TIME_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$|^24:00$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone reading an instant's wall-clock parts, down to the second. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Reads an instant on the centre's wall clock. */
export function localTime(instant: number, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: WEEKDAYS.indexOf(part('weekday')),
    minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/** "07:30" → 450. Throws `validation_failed` for anything else. */
export function parseClockTime(text: string): number {
  const match = TIME_PATTERN.exec(text);
  if (!match) throw new DomainError('validation_failed', `Not a time of day (HH:MM): ${text}`);
  if (text === '24:00') return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Checks intervals are well-formed, each opening before it closes, and in order without overlap. */
export function validateIntervals(intervals: readonly OpeningInterval[]): void {
  let previousClose = -1;
  for (const interval of intervals) {
    const open = parseClockTime(interval.open);
    const close = parseClockTime(interval.close);
    if (open >= close) {
      throw new DomainError(
        'validation_failed',
        `Opening ${interval.open} is not before closing ${interval.close}`,
      );
    }
    if (open < previousClose) {
      throw new DomainError('validation_failed', 'Opening hours overlap or are out of order');
    }
    previousClose = close;
  }
}

/** Why the centre does not take tickets right now, or null when it does. */
export type ClosedReason = 'holiday' | 'closed_today' | 'outside_hours' | 'after_cutoff';

/**
 * Whether a ticket may be issued at `instant`: the centre is open, and the
 * current interval does not close within `cutoffMinutes`.
 */
export function closedReason(
  calendar: CentreCalendar,
  instant: number,
  cutoffMinutes = 0,
): ClosedReason | null {
  const local = localTime(instant, calendar.timeZone);
  if (calendar.holidays.includes(local.day)) return 'holiday';
  const intervals = calendar.weekly[local.weekday] ?? [];
  if (intervals.length === 0) return 'closed_today';
  for (const interval of intervals) {
    const open = parseClockTime(interval.open);
    const close = parseClockTime(interval.close);
    if (local.minuteOfDay >= open && local.minuteOfDay < close) {
      return local.minuteOfDay >= close - cutoffMinutes ? 'after_cutoff' : null;
    }
  }
  return 'outside_hours';
}

/** 450 → "07:30" (1440 → "24:00"). */
export function formatClockTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The day's opening intervals of `instant`'s local day, each with `cutoffMinutes` taken
 * off its end: when the kiosk issues tickets that day. An interval the cut-off swallows
 * whole is dropped; a holiday or a closed weekday has none.
 */
export function issuingIntervals(
  calendar: CentreCalendar,
  instant: number,
  cutoffMinutes = 0,
): OpeningInterval[] {
  const local = localTime(instant, calendar.timeZone);
  if (calendar.holidays.includes(local.day)) return [];
  return (calendar.weekly[local.weekday] ?? []).flatMap((interval) => {
    const open = parseClockTime(interval.open);
    const close = parseClockTime(interval.close) - cutoffMinutes;
    return close > open ? [{ open: interval.open, close: formatClockTime(close) }] : [];
  });
}
