import { z } from 'zod';
import { REPORT_FORMATS, REPORT_GROUPINGS, REPORT_MAX_DAYS } from './reports';

/** A calendar day, YYYY-MM-DD, that exists (no 31 April). */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'no such day');

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
