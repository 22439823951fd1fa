import type { WaitingCandidate } from '../../server/src/domain/next-ticket';

/** Nine o'clock in the morning, Vietnam time, on a working day. */
export const NINE_AM = Date.UTC(2026, 10, 27, 2, 0, 0);
export const MINUTE = 60_000;

/** Service ids as the queue-order unit tests name them. */
export const BUSINESS = 1;
export const TAX = 2;
export const LAND = 3;

/** Business registration at tier 1, tax at tier 2; land is not served. */
export const TIERS: ReadonlyMap<number, number> = new Map([
  [BUSINESS, 1],
  [TAX, 2],
]);

/** A waiting ticket `minutes` after nine o'clock; normal unless a priority class is given. */
export function candidate(
  id: number,
  serviceId: number,
  minutes: number,
  priorityClass: WaitingCandidate['priorityClass'] = null,
): WaitingCandidate {
  return { id, serviceId, priorityClass, issuedAt: NINE_AM + minutes * MINUTE };
}
