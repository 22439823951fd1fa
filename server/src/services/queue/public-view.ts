/**
 * Ticket fields only staff see. A transfer note ("thiếu bản sao CCCD") or a cancel reason
 * can tell about a visitor's papers or circumstances; hall screens, kiosks and visitors'
 * phones on the centre's Wi-Fi must not read them.
 */
export const STAFF_ONLY_FIELDS = ['note', 'closeReason'] as const;
export type StaffOnlyField = (typeof STAFF_ONLY_FIELDS)[number];

function isTicketLike(value: object): boolean {
  return STAFF_ONLY_FIELDS.every((field) => Object.hasOwn(value, field));
}

/**
 * A copy of `value` as anyone but staff may see it: every ticket in it (an object with
 * all the `STAFF_ONLY_FIELDS`, at any depth) has those fields set to null, but for the
 * fields in `keep`. Pure; what holds no ticket comes back equal.
 */
export function publicView<T>(value: T, keep: readonly StaffOnlyField[] = []): T {
  if (Array.isArray(value)) return value.map((item: unknown) => publicView(item, keep)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = publicView(item, keep);
  if (isTicketLike(value)) {
    for (const field of STAFF_ONLY_FIELDS) if (!keep.includes(field)) copy[field] = null;
  }
  return copy as T;
}

/**
 * What the holder of a ticket's tracking token (the visitor, on the tracking page) sees
 * of it besides the public fields: why it was cancelled. A transfer note stays staff's.
 */
export const TICKET_HOLDER_FIELDS: readonly StaffOnlyField[] = ['closeReason'];
