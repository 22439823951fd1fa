import type { PrinterState } from '../server/src/contract/printing';
import { isPrinterError } from './errors';
import type { PrinterStatus } from './status';

/**
 * The kiosk-facing state of a status reply; silence is `unknown`, not a fault.
 * Shared by the server's print worker and the print agent.
 */
export function stateOfStatus(status: PrinterStatus): PrinterState {
  if (!status.answered) return 'unknown';
  if (status.paperEnd) return 'paper_end';
  if (status.coverOpen) return 'cover_open';
  if (!status.online) return 'offline';
  if (status.paperNearEnd) return 'paper_near_end';
  return 'online';
}

/**
 * What a printing failure says about the printer: its fault, `unreachable` when the
 * connection failed, or null when the failure was ours (bad target, missing font).
 */
export function stateOfError(error: unknown): PrinterState | null {
  if (!isPrinterError(error)) return null;
  switch (error.code) {
    case 'paper_end':
      return 'paper_end';
    case 'cover_open':
      return 'cover_open';
    case 'offline':
      return 'offline';
    case 'connect_refused':
    case 'connect_timeout':
    case 'connection_lost':
    case 'write_timeout':
    case 'io_error':
      return 'unreachable';
    default:
      return null;
  }
}
