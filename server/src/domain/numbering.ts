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
