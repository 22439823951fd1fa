import { z } from 'zod';
import { PRIORITY_CLASSES } from './entities';

/** Runtime validation of every input; the server imports these, UIs only the types. */

/** A database id in a path or body: a positive safe integer. */
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A path parameter holding an id, as text. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

export const issueTicketSchema = z
  .object({
    serviceId: idSchema,
    priorityClass: z.enum(PRIORITY_CLASSES).nullable().optional(),
  })
  .strict();

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .strict();

export const syncSchema = z
  .object({ sinceSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();
