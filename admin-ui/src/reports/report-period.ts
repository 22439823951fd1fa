import type { ReportFormat, ReportGrouping } from '@luot/contract';
import {
  REPORT_FIRST_DAY,
  REPORT_GROUPINGS,
  REPORT_LAST_DAY,
  REPORT_MAX_DAYS,
} from '../../../server/src/contract/reports';
import { serviceDay } from '../../../server/src/contract/service-day';

/** The periods the picker offers; all but `custom` run from their first day to today. */
export const PERIOD_KINDS = ['today', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A span of service days, both ends included (YYYY-MM-DD, in the centre's zone). */
export interface DayRange {
  from: string;
  to: string;
}

/** What the page reports, as its address keeps it (a bookmark opens the same report). */
export interface ReportChoice {
  period: PeriodKind;
  /** Only for `custom`: the named periods are worked out again from the server's clock. */
  from: string;
  to: string;
  groupBy: ReportGrouping;
  serviceId: number | null;
  counterId: number | null;
}

/** A fresh visit's report: this month, by service. */
export const DEFAULT_CHOICE: ReportChoice = {
  period: 'month',
  from: '',
  to: '',
  groupBy: 'service',
  serviceId: null,
  counterId: null,
};

const DAY_MS = 86_400_000;

/** The calendar day as a UTC midnight: day arithmetic that no zone or DST can shift. */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function dayString(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = dayNumber(text);
  return Number.isFinite(time) && dayString(time) === text;
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days * DAY_MS);
}

/** How many days a range covers, both ends counted. */
export function daysIn(range: DayRange): number {
  return Math.round((dayNumber(range.to) - dayNumber(range.from)) / DAY_MS) + 1;
}

/** 0 for Monday … 6 for Sunday, as Vietnamese calendars and ISO weeks count. */
export function weekdayOf(day: string): number {
  return (new Date(dayNumber(day)).getUTCDay() + 6) % 7;
}

/**
 * The days a named period covers at `now` in the centre's `timeZone`: from the period's
 * first day (Monday, the 1st, the quarter's or the year's first day) to today.
 */
export function periodRange(
  kind: Exclude<PeriodKind, 'custom'>,
  now: number,
  timeZone: string,
): DayRange {
  const today = serviceDay(now, timeZone);
  const [year, month] = today.split('-') as [string, string];
  const quarterMonth = Math.floor((Number(month) - 1) / 3) * 3 + 1;
  const from = {
    today,
    week: addDays(today, -weekdayOf(today)),
    month: `${year}-${month}-01`,
    quarter: `${year}-${String(quarterMonth).padStart(2, '0')}-01`,
    year: `${year}-01-01`,
  }[kind];
  return { from, to: today };
}

/** The days a choice covers: a named period from the clock, a custom one as typed. */
export function rangeOf(choice: ReportChoice, now: number, timeZone: string): DayRange {
  if (choice.period === 'custom') return { from: choice.from, to: choice.to };
  return periodRange(choice.period, now, timeZone);
}

/** Why a range cannot be asked for, as a message key's last part; null when it can. */
export function rangeProblem(
  range: DayRange,
): 'badDay' | 'reversed' | 'outOfYears' | 'tooLong' | null {
  if (!isDay(range.from) || !isDay(range.to)) return 'badDay';
  if (range.from > range.to) return 'reversed';
  if (range.from < REPORT_FIRST_DAY || range.to > REPORT_LAST_DAY) return 'outOfYears';
  if (daysIn(range) > REPORT_MAX_DAYS) return 'tooLong';
  return null;
}

function positiveId(text: string | null): number | null {
  if (text === null || !/^[1-9]\d{0,9}$/.test(text)) return null;
  return Number(text);
}

/** The choice an address's query names; what it lacks or gets wrong falls back to the default. */
export function choiceFromSearch(search: string): ReportChoice {
  const query = new URLSearchParams(search);
  const period = PERIOD_KINDS.find((p) => p === query.get('period')) ?? DEFAULT_CHOICE.period;
  const groupBy = REPORT_GROUPINGS.find((g) => g === query.get('groupBy')) ?? 'service';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const custom = period === 'custom' && isDay(from) && isDay(to);
  return {
    period: period === 'custom' && !custom ? DEFAULT_CHOICE.period : period,
    from: custom ? from : '',
    to: custom ? to : '',
    groupBy,
    serviceId: positiveId(query.get('serviceId')),
    counterId: positiveId(query.get('counterId')),
  };
}

/** The address query that names a choice (`?period=month&groupBy=service`). */
export function searchOf(choice: ReportChoice): string {
  const query = new URLSearchParams({ period: choice.period });
  if (choice.period === 'custom') {
    query.set('from', choice.from);
    query.set('to', choice.to);
  }
  query.set('groupBy', choice.groupBy);
  if (choice.serviceId !== null) query.set('serviceId', String(choice.serviceId));
  if (choice.counterId !== null) query.set('counterId', String(choice.counterId));
  return `?${query.toString()}`;
}

/** What one request asks the server for. */
export interface SummaryQuery extends DayRange {
  groupBy: ReportGrouping;
  serviceId: number | null;
  counterId: number | null;
}

/** `GET /api/reports/summary` for a query, in a format (JSON unless told). */
export function summaryPath(query: SummaryQuery, format: ReportFormat = 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy });
  if (query.serviceId !== null) params.set('serviceId', String(query.serviceId));
  if (query.counterId !== null) params.set('counterId', String(query.counterId));
  if (format !== 'json') params.set('format', format);
  return `/api/reports/summary?${params.toString()}`;
}

/**
 * The grouping the trend chart reads: a point a day up to a little over a year, a point a
 * month beyond (ten years of days would be 3,650 bars nobody can read).
 */
export function trendGrouping(range: DayRange): 'day' | 'month' {
  return daysIn(range) <= 400 ? 'day' : 'month';
}
