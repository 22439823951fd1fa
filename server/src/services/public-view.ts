/**
 * Ticket fields only staff see. A transfer note ("thiếu bản sao CCCD") or a cancel reason
 * can tell about a visitor's papers or circumstances; hall screens, kiosks and visitors'
 * phones on the centre's Wi-Fi must not read them.
 */
export const STAFF_ONLY_FIELDS = ['note', 'closeReason'] as const;

function isTicketLike(value: object): boolean {
  return STAFF_ONLY_FIELDS.every((field) => Object.hasOwn(value, field));
}

/**
 * A copy of `value` as anyone but staff may see it: every ticket in it (an object with
 * all the `STAFF_ONLY_FIELDS`, at any depth) has those fields set to null. Pure; what
 * holds no ticket comes back equal.
 */
export function publicView<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => publicView(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = publicView(item);
  if (isTicketLike(value)) for (const field of STAFF_ONLY_FIELDS) copy[field] = null;
  return copy as T;
}
