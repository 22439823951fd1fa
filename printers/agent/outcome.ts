import type { PrintJobResult, PrinterState } from '../../server/src/contract/printing';
import { isPrinterError } from '../errors';
import type { PrintResult } from '../printer';
import type { PrinterStatus } from '../status';

/** The kiosk-facing state of a status reply (the server's `stateOfStatus`, agent side). */
export function stateOfStatus(status: PrinterStatus): PrinterState {
  if (!status.answered) return 'unknown';
  if (status.paperEnd) return 'paper_end';
  if (status.coverOpen) return 'cover_open';
  if (!status.online) return 'offline';
  if (status.paperNearEnd) return 'paper_near_end';
  return 'online';
}

/** What a printing failure says about the printer, or undefined when the fault was ours. */
export function stateOfError(error: unknown): PrinterState | undefined {
  if (!isPrinterError(error)) return undefined;
  switch (error.code) {
    case 'paper_end':
    case 'cover_open':
    case 'offline':
      return error.code;
    case 'connect_refused':
    case 'connect_timeout':
    case 'connection_lost':
    case 'write_timeout':
    case 'io_error':
      return 'unreachable';
    default:
      return undefined;
  }
}

/** `print-job:result` for a job that printed. */
export function printedResult(jobId: number, result: PrintResult): PrintJobResult {
  const status = result.after.answered ? result.after : result.before;
  const state = result.warnings.includes('paper_near_end')
    ? 'paper_near_end'
    : stateOfStatus(status);
  return { jobId, ok: true, state };
}

/** `print-job:result` (or a status report when `jobId` is null) for a failure. */
export function failedResult(jobId: number | null, error: unknown): PrintJobResult {
  const state = stateOfError(error);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const failure = isPrinterError(error)
    ? { code: error.code, message, transient: error.transient }
    : { code: 'io_error', message, transient: true };
  return { jobId, ok: false, error: failure, ...(state !== undefined && { state }) };
}

/** A periodic status report (`jobId: null`). */
export function statusResult(status: PrinterStatus): PrintJobResult {
  const state = stateOfStatus(status);
  return {
    jobId: null,
    ok: state === 'online' || state === 'paper_near_end' || state === 'unknown',
    state,
  };
}
