import { z } from 'zod';
import {
  REPORT_FIRST_YEAR,
  REPORT_FORMATS,
  REPORT_GROUPINGS,
  REPORT_LAST_YEAR,
  REPORT_MAX_DAYS,
  type ReportGrouping,
} from './reports';

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD, that exists (no 31 April), from 2000 to 2100. */
const calendarDay = z
  .string()
  .regex(DAY_SHAPE, 'a day as YYYY-MM-DD')
  // Each check below only of a day in shape: a malformed one is said once.
  .refine((day) => {
    if (!DAY_SHAPE.test(day)) return true;
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'no such day')
  .refine((day) => {
    if (!DAY_SHAPE.test(day)) return true;
    const year = Number(day.slice(0, 4));
    return year >= REPORT_FIRST_YEAR && year <= REPORT_LAST_YEAR;
  }, `a day from ${REPORT_FIRST_YEAR}-01-01 to ${REPORT_LAST_YEAR}-12-31`);

const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

/**
 * One grouping, or several as a comma list ("service,counter,day": each known, none twice,
 * at most one of each), in the order asked.
 */
const groupings = z.string().transform((text, ctx): ReportGrouping[] => {
  const list = text.split(',');
  const unknown = list.filter((g) => !(REPORT_GROUPINGS as readonly string[]).includes(g));
  if (unknown.length > 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      // Named back short: an answer never repeats a long query.
      message: `unknown grouping ${unknown
        .slice(0, 3)
        .map((g) => JSON.stringify(g.length > 40 ? `${g.slice(0, 40)}…` : g))
        .join(', ')}: one of ${REPORT_GROUPINGS.join(', ')}`,
    });
    return z.NEVER;
  }
  if (new Set(list).size !== list.length) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a grouping asked twice' });
    return z.NEVER;
  }
  return list as ReportGrouping[];
});

const bothDays = (q: { from: string; to: string }): boolean =>
  calendarDay.safeParse(q.from).success && calendarDay.safeParse(q.to).success;

const spanDays = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/**
 * `GET /api/reports/summary`: days `from`–`to` (both included, centre time, at most
 * `REPORT_MAX_DAYS`), one grouping (default `service`) or, for `format=xlsx` only, a comma
 * list of up to all seven (one sheet each, in that order), optional service and counter
 * filters, and the format (default `json`). The checked query carries the first grouping as
 * `groupBy` and the others as `alsoGroupBy`.
 */
export const reportQuerySchema = z
  .object({
    from: calendarDay,
    to: calendarDay,
    groupBy: groupings.default(['service']),
    serviceId: positiveInt.optional(),
    counterId: positiveInt.optional(),
    format: z.enum(REPORT_FORMATS).default('json'),
  })
  .strict()
  // Only between two real days: a bad day is said once, as itself.
  .refine((q) => !bothDays(q) || q.from <= q.to, {
    message: '`from` is after `to`',
    path: ['from'],
  })
  .refine((q) => !bothDays(q) || q.from > q.to || spanDays(q.from, q.to) <= REPORT_MAX_DAYS, {
    message: `at most ${REPORT_MAX_DAYS} days`,
    path: ['to'],
  })
  .refine((q) => q.groupBy.length === 1 || q.format === 'xlsx', {
    message: 'several groupings only with format=xlsx (one sheet each)',
    path: ['groupBy'],
  })
  .transform(({ groupBy: [first, ...rest], ...q }) => ({
    ...q,
    groupBy: first ?? ('service' as ReportGrouping),
    alsoGroupBy: rest,
  }));

/** The query of `GET /api/reports/summary`, as checked. */
export type ReportQueryInput = z.infer<typeof reportQuerySchema>;
