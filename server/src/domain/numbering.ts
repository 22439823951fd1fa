import { DomainError } from './errors';

/** Digits a daily sequence is padded to: A001 … A999, then A1000. */
export const NUMBER_DIGITS = 3;

/** A service prefix: one to three capital letters or digits. */
export const PREFIX_PATTERN = /^[A-Z0-9]{1,3}$/;

/** The ticket number shown and printed: prefix + zero-padded daily sequence ("A015", "1015"). */
export function formatTicketNumber(prefix: string, sequence: number): string {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new DomainError('validation_failed', `Invalid service prefix: ${prefix}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new DomainError('validation_failed', `Invalid ticket sequence: ${sequence}`);
  }
  return prefix + String(sequence).padStart(NUMBER_DIGITS, '0');
}

/**
 * The number a service's `sequence`-th ticket of the day takes: the sequence itself, or
 * with a number range the range's `sequence`-th number; null once the range is used up.
 */
export function numberInRange(
  range: { from: number; to: number } | null,
  sequence: number,
): number | null {
  if (range === null) return sequence;
  const n = range.from + sequence - 1;
  return n <= range.to ? n : null;
}

/**
 * The number a service's `sequence`-th ticket of the day takes when the range may have
 * changed since its first ticket: never one already issued today. It is the range's
 * `sequence`-th number or one past the highest the service issued today (`highestIssued`,
 * 0 for none), whichever is higher, skipping any `taken` by another ticket of the day;
 * null once that passes the range's end.
 */
export function nextTicketNumber(
  range: { from: number; to: number } | null,
  sequence: number,
  highestIssued: number,
  taken: (n: number) => boolean,
): number | null {
  const fits = (n: number) => range === null || n <= range.to;
  let n = Math.max(range === null ? sequence : range.from + sequence - 1, highestIssued + 1);
  while (fits(n) && taken(n)) n += 1;
  return fits(n) ? n : null;
}

/** Tickets a day a number range allows (its size); null without a range. */
export function rangeSize(range: { from: number; to: number } | null): number | null {
  return range === null ? null : range.to - range.from + 1;
}
