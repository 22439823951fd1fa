import { openTransport, Printer, PrinterError } from '../../../../printers';
import { stateOfError, stateOfStatus } from '../../../../printers/printer-state';
import type { PrinterState } from '../../contract/printing';
import type { PrinterRecord } from '../../storage/printer-repo';
import { failedOutcome, messageOf, type AttemptOutcome } from './print-outcome';
import { printerTargetProblem } from './printer-targets';

/** Timeouts for printers the server drives itself. */
export interface DirectPrinterTimeouts {
  statusTimeoutMs: number;
  connectTimeoutMs: number;
  writeTimeoutMs: number;
}

/** Where the server may print: spool folders must lie inside `spoolRoot` (null: none). */
export interface DirectPrinterLimits {
  spoolRoot: string | null;
}

/**
 * The printers the server reaches itself (`tcp://`, `file:`, `serial:`, `spool:`): one
 * `Printer` per configured printer, kept between jobs so a TCP connection stays open and
 * jobs on one printer never overlap. A changed target opens a new connection.
 */
export class DirectPrinters {
  private readonly open = new Map<number, { target: string; printer: Printer }>();

  constructor(
    private readonly timeouts: DirectPrinterTimeouts,
    private readonly limits: DirectPrinterLimits,
  ) {}

  /** Prints one job with status checks before and after; never throws. */
  async print(printer: PrinterRecord, bytes: Uint8Array, name: string): Promise<AttemptOutcome> {
    try {
      const result = await this.deviceFor(printer).print(bytes, { name });
      const status = result.after.answered ? result.after : result.before;
      const state = result.warnings.includes('paper_near_end')
        ? 'paper_near_end'
        : stateOfStatus(status);
      return { ok: true, state, detail: status.answered ? null : 'no status reply' };
    } catch (error) {
      return failedOutcome(error);
    }
  }

  /** Asks the printer now (`DLE EOT`); silence is `unknown`, a failed connection `unreachable`. */
  async status(printer: PrinterRecord): Promise<{ state: PrinterState; detail: string | null }> {
    try {
      const status = await this.deviceFor(printer).status();
      return {
        state: stateOfStatus(status),
        detail: status.answered ? null : `no status reply (${status.reason})`,
      };
    } catch (error) {
      return { state: stateOfError(error) ?? 'unknown', detail: messageOf(error) };
    }
  }

  /** Closes a printer's connection (its target changed, or it was deleted). */
  forget(printerId: number): void {
    const cached = this.open.get(printerId);
    this.open.delete(printerId);
    if (cached) void cached.printer.close().catch(() => undefined);
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(all.map(({ printer }) => printer.close()));
  }

  /**
   * The printer's connection, after checking its target again: a device path may have
   * been replaced by a file, or a spool folder by a link, since the admin saved it. The
   * transports check once more on what they open.
   */
  private deviceFor(printer: PrinterRecord): Printer {
    const problem = printerTargetProblem(printer.target, this.limits.spoolRoot);
    if (problem !== null) throw new PrinterError('invalid_target', problem);
    const cached = this.open.get(printer.id);
    if (cached?.target === printer.target) return cached.printer;
    if (cached) this.forget(printer.id);
    const transport = openTransport(
      printer.target,
      {
        connectTimeoutMs: this.timeouts.connectTimeoutMs,
        writeTimeoutMs: this.timeouts.writeTimeoutMs,
      },
      {
        deviceOnly: true,
        ...(this.limits.spoolRoot !== null && { spoolRoot: this.limits.spoolRoot }),
      },
    );
    const device = new Printer(transport, { statusTimeoutMs: this.timeouts.statusTimeoutMs });
    this.open.set(printer.id, { target: printer.target, printer: device });
    return device;
  }
}
