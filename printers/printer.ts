import { PrinterError } from './errors';
import { queryStatus, type PrinterStatus } from './status';
import type { JobInfo, Transport } from './transport/transport';

/** How carefully a printer is driven. */
export interface PrinterOptions {
  /** Ask `DLE EOT` before and after each job (default true). */
  checkStatus?: boolean;
  /** How long to wait for each status byte; printers that never answer cost this once. */
  statusTimeoutMs?: number;
}

/** Conditions worth showing on a kiosk or to a supervisor although the job printed. */
export type PrinterWarning = 'paper_near_end' | 'status_unknown';

/** What happened to a job that printed. */
export interface PrintResult {
  before: PrinterStatus;
  after: PrinterStatus;
  warnings: PrinterWarning[];
}

/**
 * One physical printer: runs one job at a time over its transport, refuses to send when the
 * printer reports paper end, cover open or offline, and checks again after the job.
 * Failures are PrinterErrors whose `transient` flag tells the print queue to retry.
 */
export class Printer {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly checkStatus: boolean;
  private readonly statusTimeoutMs: number;

  constructor(
    readonly transport: Transport,
    options: PrinterOptions = {},
  ) {
    this.checkStatus = options.checkStatus ?? true;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1500;
  }

  /** The printer's current status (queued behind any running job). */
  status(): Promise<PrinterStatus> {
    return this.serial(() => queryStatus(this.transport, this.statusTimeoutMs));
  }

  /** Prints one job; resolves when it is sent and the printer raised no fault. */
  print(data: Uint8Array, job?: JobInfo): Promise<PrintResult> {
    return this.serial(async () => {
      const before = await this.check();
      throwIfFault(before, 'before');
      await this.transport.write(data, job);
      const after = await this.check();
      throwIfFault(after, 'during');
      const warnings: PrinterWarning[] = [];
      if ((before.answered && before.paperNearEnd) || (after.answered && after.paperNearEnd)) {
        warnings.push('paper_near_end');
      }
      if (this.checkStatus && this.transport.query && !after.answered)
        warnings.push('status_unknown');
      return { before, after, warnings };
    });
  }

  /** Closes the transport once running jobs are done. */
  close(): Promise<void> {
    return this.serial(() => this.transport.close());
  }

  private check(): Promise<PrinterStatus> {
    if (!this.checkStatus) return Promise.resolve({ answered: false, reason: 'no-back-channel' });
    return queryStatus(this.transport, this.statusTimeoutMs);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function throwIfFault(status: PrinterStatus, when: 'before' | 'during'): void {
  if (!status.answered) return;
  const suffix = when === 'before' ? '' : ' during the job';
  if (status.paperEnd) throw new PrinterError('paper_end', `printer out of paper${suffix}`);
  if (status.coverOpen) throw new PrinterError('cover_open', `printer cover open${suffix}`);
  if (!status.online) throw new PrinterError('offline', `printer offline${suffix}`);
}
