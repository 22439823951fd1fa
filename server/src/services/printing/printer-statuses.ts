import type { PrintJobResult, PrinterState, StaffPrinterStatus } from '../../contract/printing';
import { DomainError } from '../../domain/errors';
import type { Database } from '../../storage/database';
import type { PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import { toPrinterReport } from './print-views';

/** A broadcast held back until the write that caused it has committed. */
export type Notice = () => void;

/**
 * Sends notices whose writes have committed, in order; a failed broadcast never changes
 * what was stored. Refused inside a transaction (see `refuseInsideTransaction`).
 */
export function sendCommitted(db: Database, ...notices: readonly Notice[]): void {
  refuseInsideTransaction(db);
  for (const notice of notices) {
    try {
      notice();
    } catch {
      // Committed already; screens catch up on their next snapshot.
    }
  }
}

/**
 * Throws while a transaction is open: a notice sent then would announce a write that may
 * still roll back, and screens would show it before any other reader can see it. That is
 * a programming error: collect the notices in a list and send them after the commit.
 */
function refuseInsideTransaction(db: Database): void {
  if (db.raw.inTransaction) {
    throw new Error('A print notice was about to be sent inside a transaction: collect it');
  }
}

/** How long an unchanged state after a print is not stored again. */
export const UNCHANGED_REFRESH_MS = 60_000;

/**
 * Each printer's last known state: stored with the printer (so snapshots carry it) and
 * sent to every screen as `printer:status` while the printer is active (screens list only
 * active printers). After `mute()` (the server is stopping) reports are still built but
 * neither stored nor sent.
 */
export class PrinterStatuses {
  private muted = false;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly send: (report: StaffPrinterStatus) => void,
  ) {}

  /**
   * Stores and broadcasts a printer's state, seen now, with its name, kiosk and default
   * flag as stored now (an admin may have changed them during a print). With
   * `onlyIfChanged` (after each print), a state and detail the printer already has, stored
   * less than `UNCHANGED_REFRESH_MS` ago, is neither stored nor sent again: busy printers
   * would otherwise cost a disk write and a broadcast per ticket. Inside a transaction,
   * pass `notices`: the broadcast is added there, to be sent once the transaction commits;
   * without it, a call inside a transaction throws before storing anything.
   */
  record(
    printer: PrinterRecord,
    state: PrinterState,
    detail: string | null,
    options: { onlyIfChanged?: boolean; notices?: Notice[] } = {},
  ): StaffPrinterStatus {
    if (!options.notices) refuseInsideTransaction(this.repos.db);
    const now = this.clock.now();
    const stored = this.repos.printers.get(printer.id);
    const current = stored ?? printer;
    const last = stored?.lastStatus;
    if (
      options.onlyIfChanged &&
      last &&
      last.state === state &&
      last.detail === detail &&
      stored.lastStatusAt !== null &&
      now - stored.lastStatusAt < UNCHANGED_REFRESH_MS
    ) {
      return toPrinterReport(stored);
    }
    const report: StaffPrinterStatus = {
      printerId: current.id,
      name: current.name,
      deviceId: current.deviceId,
      isDefault: current.isDefault,
      state,
      detail,
      at: new Date(now).toISOString(),
    };
    if (this.muted) return report;
    this.repos.printers.setStatus(printer.id, report, now);
    if (!stored?.active) return report;
    const notice = () => this.send(report);
    if (options.notices) options.notices.push(notice);
    else sendCommitted(this.repos.db, notice);
    return report;
  }

  /** A print agent's report of its kiosk's printer (`print-job:result` without a job). */
  agentReport(deviceId: number, result: PrintJobResult): StaffPrinterStatus {
    const printer = this.repos.printers.activeForDevice(deviceId);
    if (!printer || printer.target !== 'agent') {
      throw new DomainError('printer_not_found', `Kiosk ${deviceId} has no agent printer`);
    }
    return this.record(printer, result.state ?? 'unknown', result.error?.message ?? null);
  }

  /** An agent printer's state: its agent's last report (the server cannot ask it). */
  lastOfAgent(printer: PrinterRecord): StaffPrinterStatus {
    return printer.lastStatus
      ? toPrinterReport(printer)
      : this.record(printer, 'unknown', 'no report from the agent yet');
  }

  mute(): void {
    this.muted = true;
  }
}
