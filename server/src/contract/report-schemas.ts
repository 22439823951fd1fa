import { z } from 'zod';
import { REPORT_FORMATS, REPORT_GROUPINGS, REPORT_MAX_DAYS } from './reports';

/** The years a report may cover: none of a centre's tickets lies outside them. */
export const REPORT_FIRST_YEAR = 2000;
export const REPORT_LAST_YEAR = 2100;

/** A calendar day, YYYY-MM-DD, that exists (no 31 April), from 2000 to 2100. */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'no such day')
  .refine((day) => {
    const year = Number(day.slice(0, 4));
    return year >= REPORT_FIRST_YEAR && year <= REPORT_LAST_YEAR;
  }, `a day from ${REPORT_FIRST_YEAR}-01-01 to ${REPORT_LAST_YEAR}-12-31`);

const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

const spanDays = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/**
 * `GET /api/reports/summary`: days `from`–`to` (both included, centre time, at most
 * `REPORT_MAX_DAYS`), one grouping (default `service`), optional service and counter
 * filters, and the format (default `json`).
 */
export const reportQuerySchema = z
  .object({
    from: calendarDay,
    to: calendarDay,
    groupBy: z.enum(REPORT_GROUPINGS).default('service'),
    serviceId: positiveInt.optional(),
    counterId: positiveInt.optional(),
    format: z.enum(REPORT_FORMATS).default('json'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: '`from` is after `to`', path: ['from'] })
  .refine((q) => q.from > q.to || spanDays(q.from, q.to) <= REPORT_MAX_DAYS, {
    message: `at most ${REPORT_MAX_DAYS} days`,
    path: ['to'],
  });

/** The query of `GET /api/reports/summary`, as checked. */
export type ReportQueryInput = z.infer<typeof reportQuerySchema>;
