import { z } from 'zod';
import { DEVICE_KINDS } from './admin';
import { AUDIT_ACTIONS } from './audit-actions';
import { ROLES } from './entities';

/** Runtime validation of the security and administration inputs (server only, like schemas.ts). */

/**
 * What text people read may not hold: control characters; lone surrogates (what
 * `String.prototype.isWellFormed` refuses); line and paragraph separators; and format
 * characters, which are invisible and can reorder or hide what a screen or a printed
 * ticket shows (bidi overrides, embeddings, isolates and marks, zero-width spaces, the
 * BOM, tag characters). ZWNJ and ZWJ (U+200C, U+200D) stay: scripts and emoji need them.
 */
const UNREADABLE = /(?![\u200C\u200D])[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Cf}]/u;

/**
 * Text people read (names, labels, lines printed on tickets): trimmed, checked, then NFC.
 * Checked before it is normalised, so nothing walks a value the schema has not accepted.
 */
export const readableText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !UNREADABLE.test(value), 'control, format or unpaired surrogate character')
    .transform((value) => value.normalize('NFC'));

/** A password as typed; its strength is checked by the server, which answers `weak_password`. */
const password = z.string().min(1).max(1000);

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');

export const changePasswordSchema = z
  .object({ currentPassword: password, newPassword: password })
  .strict();

export const createStaffSchema = z
  .object({
    username: usernameSchema,
    displayName: readableText(100),
    role: z.enum(ROLES),
    password: password.optional(),
  })
  .strict();

export const updateStaffSchema = z
  .object({ displayName: readableText(100), role: z.enum(ROLES), active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

/** Endpoints that take no input still refuse unknown fields. */
export const emptySchema = z.object({}).strict();

const deviceCounterId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const pairRequestSchema = z
  .object({
    kind: z.enum(DEVICE_KINDS),
    name: readableText(100).optional(),
    counterId: deviceCounterId.optional(),
  })
  .strict()
  .refine((r) => r.counterId === undefined || r.kind === 'counter', {
    message: 'only a counter screen has a counter',
    path: ['counterId'],
  });

export const pairDeviceSchema = z
  .object({
    code: z.string().regex(/^[0-9]{6}$/),
    name: readableText(100),
    counterId: deviceCounterId.optional(),
  })
  .strict();

/** Distinct ids, at most 100 (a display's filter); null: no filter. */
const deviceIdFilter = z
  .array(deviceCounterId)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'ids must be distinct')
  .nullable();

/** `PATCH /api/devices/:id`; which fields fit which kind is checked against the device. */
export const updateDeviceSchema = z
  .object({
    name: readableText(100),
    counterId: deviceCounterId.nullable(),
    serviceIds: deviceIdFilter,
    counterIds: deviceIdFilter,
  })
  .partial()
  .strict();

/** The secret id a device polls its pairing request with. */
export const pairRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

/** A calendar day, YYYY-MM-DD, that exists (no 31 April). */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, 'no such day');

/**
 * `GET /api/audit`: a page (`limit`, `before`) of the entries of one action, one staff
 * member (by id, or by username as typed at sign-in) and days `from`–`to` (both included,
 * in the centre's time zone).
 */
export const auditQuerySchema = z
  .object({
    limit: positiveInt.refine((n) => n <= 200, 'at most 200').optional(),
    before: positiveInt.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    staffId: positiveInt.optional(),
    username: z.string().trim().min(1).max(64).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: '`from` is after `to`',
    path: ['from'],
  });

/** The filters of `GET /api/audit`, as checked. */
export type AuditQuery = z.infer<typeof auditQuerySchema>;
