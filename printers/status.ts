import { statusRequest } from './escpos/commands';
import type { Transport } from './transport/transport';

/** What the printer said about itself, or why it said nothing. */
export type PrinterStatus =
  | {
      answered: true;
      online: boolean;
      coverOpen: boolean;
      paperNearEnd: boolean;
      paperEnd: boolean;
    }
  | { answered: false; reason: 'timeout' | 'no-back-channel' | 'garbled' };

/** True when `b` has the fixed bits of a `DLE EOT` reply (bits 1 and 4 set, 0 and 7 clear). */
function isStatusByte(b: number | undefined): b is number {
  return b !== undefined && (b & 0x93) === 0x12;
}

/**
 * Reads the replies to `DLE EOT 1` (printer), `2` (offline cause) and `4` (paper sensor).
 * Pure, so the bit meanings are tested without a printer.
 */
export function parseStatus(printer: number, offlineCause: number, paper: number): PrinterStatus {
  if (![printer, offlineCause, paper].every(isStatusByte))
    return { answered: false, reason: 'garbled' };
  return {
    answered: true,
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperEnd: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
  };
}

/**
 * Asks the printer for its status with `DLE EOT`; some printers never answer, so each
 * request waits at most `timeoutMs` and silence is reported, not thrown.
 */
export async function queryStatus(transport: Transport, timeoutMs: number): Promise<PrinterStatus> {
  if (!transport.query) return { answered: false, reason: 'no-back-channel' };
  const replies: number[] = [];
  for (const n of [1, 2, 4] as const) {
    const reply = await transport.query(statusRequest(n), 1, timeoutMs);
    if (!reply || reply.length === 0) return { answered: false, reason: 'timeout' };
    replies.push(reply[0] ?? 0);
  }
  return parseStatus(replies[0] ?? 0, replies[1] ?? 0, replies[2] ?? 0);
}
