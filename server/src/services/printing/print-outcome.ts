import { isPrinterError } from '../../../../printers';
import { stateOfError } from '../../../../printers/printer-state';
import type { PrinterState } from '../../contract/printing';
import { DomainError } from '../../domain/errors';

/** How one print attempt ended, whichever way the bytes went (direct or through an agent). */
export type AttemptOutcome =
  | { ok: true; state: PrinterState; detail: string | null }
  | { ok: false; transient: boolean; message: string; state: PrinterState | null };

/** The outcome of an attempt that threw: transient only for a transient printer fault. */
export function failedOutcome(error: unknown): AttemptOutcome {
  const transient = isPrinterError(error) && error.transient;
  return { ok: false, transient, message: messageOf(error), state: stateOfError(error) };
}

/** `code: message` for coded errors, the plain message otherwise (stored as `lastError`). */
export function messageOf(error: unknown): string {
  if (isPrinterError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
