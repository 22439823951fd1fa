import type { PublicTicket } from '../../server/src/contract';

/** Each key of `PublicTicket` once: the record type fails to compile when one is missing. */
const PUBLIC_TICKET_KEY_FLAGS: Record<keyof PublicTicket, true> = {
  id: true,
  number: true,
  serviceId: true,
  priorityClass: true,
  status: true,
  day: true,
  counterId: true,
  issuedAt: true,
  calledAt: true,
  servingAt: true,
  finishedAt: true,
  recallCount: true,
  front: true,
  targetCounterId: true,
  originalServiceId: true,
  transferCount: true,
  note: true,
  closeReason: true,
  parkedAt: true,
};

/** The keys of `PublicTicket`, sorted: what every ticket sent to anyone but staff carries. */
export const PUBLIC_TICKET_KEYS = Object.keys(PUBLIC_TICKET_KEY_FLAGS).sort();

/** Every ticket anywhere in `value`: the objects with a `number` and an `issuedAt`. */
export function ticketsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(ticketsIn);
  if (typeof value !== 'object' || value === null) return [];
  const own = 'number' in value && 'issuedAt' in value ? [value as Record<string, unknown>] : [];
  return [...own, ...Object.values(value).flatMap(ticketsIn)];
}
