import { z } from 'zod';
import { DEVICE_KINDS } from './admin';
import { ROLES } from './entities';

/** Runtime validation of the security and administration inputs (server only, like schemas.ts). */

/** Text people read: trimmed, NFC, no control characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'control characters')
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
    displayName: text(100),
    role: z.enum(ROLES),
    password: password.optional(),
  })
  .strict();

export const updateStaffSchema = z
  .object({ displayName: text(100), role: z.enum(ROLES), active: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

/** Endpoints that take no input still refuse unknown fields. */
export const emptySchema = z.object({}).strict();

export const pairRequestSchema = z
  .object({ kind: z.enum(DEVICE_KINDS), name: text(100).optional() })
  .strict();

export const pairDeviceSchema = z
  .object({ code: z.string().regex(/^[0-9]{6}$/), name: text(100) })
  .strict();

/** The secret id a device polls its pairing request with. */
export const pairRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

export const auditQuerySchema = z
  .object({
    limit: positiveInt.refine((n) => n <= 200, 'at most 200').optional(),
    before: positiveInt.optional(),
  })
  .strict();
