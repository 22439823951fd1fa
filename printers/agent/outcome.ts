import type { PrintJobResult } from '../../server/src/contract/printing';
import { isPrinterError } from '../errors';
import type { PrintResult } from '../printer';
import { stateOfError, stateOfStatus } from '../printer-state';
import type { PrinterStatus } from '../status';

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
  return { jobId, ok: false, error: failure, ...(state !== null && { state }) };
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
