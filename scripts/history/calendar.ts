import type { OpeningInterval } from '../../server/src/contract/settings';
import { parseClockTime } from '../../server/src/domain/calendar';

/**
 * The calendar of a seeded history: which days the centre worked, and when in the day
 * visitors came.
 */

/**
 * The first day of the lunar year (mùng 1 Tết), from published calendars. Years outside
 * the table get no Tết break (the run says so): the seeder does not compute lunar dates.
 */
export const TET_DAYS: Readonly<Record<number, string>> = {
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Tết's break around mùng 1: from two days before to four days after (about a week). */
const TET_BEFORE = 2;
const TET_AFTER = 4;

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar day (no time zone involved). */
export function weekdayOf(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Vietnam's public holidays of a year: Tết Dương lịch (1/1), Tết Nguyên đán (from the
 * table), Reunification Day (30/4), Labour Day (1/5) and National Day (2/9). Compensatory
 * days off and the Hùng Kings' day are left out. `known` is false when Tết is not in the table.
 */
export function publicHolidays(year: number): { days: Set<string>; known: boolean } {
  const days = new Set([`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`]);
  const tet = TET_DAYS[year];
  if (tet !== undefined) {
    for (let i = -TET_BEFORE; i <= TET_AFTER; i++) days.add(addDays(tet, i));
  }
  return { days, known: tet !== undefined };
}

/** An opening interval in minutes of the day. */
export interface Span {
  from: number;
  to: number;
}

/** Opening intervals as minutes, in order. */
export function toSpans(intervals: readonly OpeningInterval[]): Span[] {
  return intervals.map((interval) => ({
    from: parseClockTime(interval.open),
    to: parseClockTime(interval.close),
  }));
}

/**
 * How many visitors arrive at a minute of the day, relative to each other: a morning
 * peak (8–10h), thin at lunch, an afternoon bump (14–15h30), quiet late. Linear between
 * these points (minute, weight).
 */
const PROFILE: readonly (readonly [number, number])[] = [
  [0, 0.15],
  [420, 0.3],
  [450, 0.8],
  [480, 1.6],
  [540, 1.8],
  [600, 1.35],
  [660, 0.8],
  [690, 0.5],
  [720, 0.25],
  [780, 0.3],
  [810, 0.8],
  [840, 1.1],
  [900, 1.15],
  [960, 0.7],
  [1020, 0.35],
  [1080, 0.2],
  [1440, 0.1],
];

/** The arrival weight at a minute of the day. */
export function arrivalWeight(minute: number): number {
  for (let i = 1; i < PROFILE.length; i++) {
    const [m1, w1] = PROFILE[i] as readonly [number, number];
    if (minute <= m1) {
      const [m0, w0] = PROFILE[i - 1] as readonly [number, number];
      return w0 + ((w1 - w0) * (minute - m0)) / (m1 - m0);
    }
  }
  return 0.1;
}

/** The total arrival weight of the minutes inside the spans. */
export function arrivalMass(spans: readonly Span[]): number {
  let mass = 0;
  for (const span of spans) for (let m = span.from; m < span.to; m++) mass += arrivalWeight(m);
  return mass;
}

/** Spans shortened by a cut-off at their ends; those it swallows are dropped. */
export function withCutoff(spans: readonly Span[], cutoff: number): Span[] {
  return spans
    .map((span) => ({ from: span.from, to: span.to - cutoff }))
    .filter((span) => span.to > span.from);
}

/** How busy a weekday is (Monday busiest), Sunday … Saturday. */
export const WEEKDAY_FACTOR = [0.5, 1.1, 1.02, 1, 0.98, 0.9, 0.6] as const;

/**
 * How busy a month is: busy before Tết and at year end, quiet after Tết and in summer.
 * January … December.
 */
export const MONTH_FACTOR = [1.1, 0.88, 1, 1, 1, 1, 0.95, 0.93, 1, 1.02, 1.04, 1.1] as const;
