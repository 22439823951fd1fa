import type { Request } from 'express';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../contract/http';
import { idParamSchema } from '../contract/schemas';
import { DomainError } from '../domain/errors';

/** Parses a body (or any value) with a schema, or throws `validation_failed`. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const where = result.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
    // The schema's own words for what is wrong (English, for the developer): `issues`.
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => ({ path: issue.path.join('.'), message: issue.message.slice(0, 200) }));
    throw new DomainError('validation_failed', `Invalid input at ${where}`, { issues });
  }
  return result.data;
}

/** A body schema that reads a missing body as `{}`, for endpoints whose body is optional. */
export function orEmpty<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => value ?? {}, schema);
}

/** A path id, or the given not-found code when it is not a valid id at all. */
export function parseId(
  value: unknown,
  notFound:
    'ticket_not_found' | 'counter_not_found' | 'service_not_found' | 'service_group_not_found',
): number {
  const result = idParamSchema.safeParse(value);
  if (!result.success) throw new DomainError(notFound, `Not an id: ${String(value).slice(0, 40)}`);
  return result.data;
}

/** The request's Idempotency-Key header, if any. */
export function idempotencyKey(req: Request): string | undefined {
  return req.get(IDEMPOTENCY_HEADER) ?? undefined;
}
