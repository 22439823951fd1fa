import { z } from 'zod';
import { readableText } from './admin-schemas';
import { idSchema } from './schemas';

/** Runtime validation of the catalogue admins edit (server only, like schemas.ts). */

/**
 * A service's ticket prefix: one to three letters or digits ("A", "HC", "1"), stored in
 * capitals. Typed or imported in lower case ("hc", " a "), it is trimmed and upper-cased
 * rather than refused; codes already stored are capitals and stay as they are.
 */
const prefix = z
  .string()
  .normalize('NFC')
  .trim()
  .regex(/^[A-Za-z0-9]{1,3}$/, 'one to three letters or digits')
  .toUpperCase();

/** A service's code: what reports and imports name it by; upper-cased like the prefix. */
const code = z
  .string()
  .normalize('NFC')
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, dash, underscore')
  .toUpperCase();

/**
 * What a spreadsheet reads as a formula when a cell starts with it: names are refused with
 * one, so an exported catalogue opened in Excel or LibreOffice never runs one.
 */
export const FORMULA_START = /^[=+\-@]/;
const formulaStart = 'must not start with =, +, - or @ (a spreadsheet would read a formula)';

/** A catalogue name: readable text that does not start like a formula. */
const name = (max: number) => readableText(max).refine((t) => !FORMULA_START.test(t), formulaStart);

/** An English name may be left empty (screens then show the Vietnamese one). */
const optionalName = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((t) => t === '' || readableText(max).safeParse(t).success, 'unreadable character')
    .refine((t) => !FORMULA_START.test(t), formulaStart)
    .transform((t) => t.normalize('NFC'));

/** Highest ticket number a range may reach. */
export const MAX_TICKET_NUMBER = 999_999;

/** `{ from, to }`, both ends included, e.g. 1001–1999. */
export const numberRangeSchema = z
  .object({
    from: z.number().int().min(1).max(MAX_TICKET_NUMBER),
    to: z.number().int().min(1).max(MAX_TICKET_NUMBER),
  })
  .strict()
  .refine((range) => range.from <= range.to, 'from must not be above to');

const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);

const serviceFields = {
  name: name(200),
  nameEn: optionalName(200),
  prefix,
  code,
  groupId: idSchema.nullable(),
  numberRange: numberRangeSchema.nullable(),
  targetWaitMinutes: z.number().int().min(1).max(600),
  dailyCap: z.number().int().min(1).max(100_000).nullable(),
  /** Minutes before closing the kiosk stops issuing; null: the centre's default. */
  cutOff: z.number().int().min(0).max(240).nullable(),
  sortOrder,
};

/** Each service field's rule, for imports that check a service the way the API does. */
export const serviceFieldRules = serviceFields;

/** `POST /api/services` */
export const createServiceSchema = z
  .object({ ...serviceFields })
  .partial()
  .required({ name: true, prefix: true })
  .strict();

/** `PATCH /api/services/:id`: any field, and the active flag. */
export const updateServiceSchema = z
  .object({ ...serviceFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

const groupFields = {
  name: name(200),
  nameEn: optionalName(200),
  /** The field it sits in; null or absent: it is a field itself. */
  parentId: idSchema.nullable(),
  sortOrder,
};

/** `POST /api/service-groups` */
export const createServiceGroupSchema = z
  .object({ ...groupFields })
  .partial()
  .required({ name: true })
  .strict();

/** `PATCH /api/service-groups/:id` */
export const updateServiceGroupSchema = z
  .object({ ...groupFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

/** Most tiers a counter ranks its services in, and most services in all. */
export const MAX_TIERS = 10;
export const MAX_COUNTER_SERVICES = 300;

/** Service ids, best tier first; a service in one tier only. */
const tiers = z
  .array(z.array(idSchema).min(1).max(MAX_COUNTER_SERVICES))
  .max(MAX_TIERS)
  .refine(
    (list) => list.flat().length <= MAX_COUNTER_SERVICES,
    `at most ${MAX_COUNTER_SERVICES} services`,
  )
  .refine((list) => new Set(list.flat()).size === list.flat().length, 'a service listed twice');

const counterFields = {
  number: z.number().int().min(1).max(9999),
  name: name(100),
  tiers,
};

/** `POST /api/counters` */
export const createCounterSchema = z.object(counterFields).strict();

/** `PATCH /api/counters/:id` */
export const updateCounterSchema = z
  .object({ ...counterFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

export type CreateServiceBody = z.infer<typeof createServiceSchema>;
export type UpdateServiceBody = z.infer<typeof updateServiceSchema>;
export type CreateServiceGroupBody = z.infer<typeof createServiceGroupSchema>;
export type UpdateServiceGroupBody = z.infer<typeof updateServiceGroupSchema>;
export type CreateCounterBody = z.infer<typeof createCounterSchema>;
export type UpdateCounterBody = z.infer<typeof updateCounterSchema>;
