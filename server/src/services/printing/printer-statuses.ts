import type { PrintJobResult, PrinterState, StaffPrinterStatus } from '../../contract/printing';
import { DomainError } from '../../domain/errors';
import type { PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import type { CommandRunner } from '../core/command-runner';
import { toPrinterReport } from './print-views';

/** A broadcast held back until the write that caused it has committed. */
export type Notice = () => void;

/**
 * The notice, made harmless to the command that committed it: a failed broadcast never
 * changes what was stored, and screens catch up on their next snapshot.
 */
export function quietly(notice: Notice): Notice {
  return () => {
    try {
      notice();
    } catch {
      // Committed already.
    }
  };
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
    private readonly runner: CommandRunner,
    private readonly send: (report: StaffPrinterStatus) => void,
  ) {}

  /**
   * Stores and broadcasts a printer's state, seen now, with its name, kiosk and default
   * flag as stored now (an admin may have changed them during a print). With
   * `onlyIfChanged` (after each print), a state and detail the printer already has, stored
   * less than `UNCHANGED_REFRESH_MS` ago, is neither stored nor sent again: busy printers
   * would otherwise cost a disk write and a broadcast per ticket. One command: the
   * broadcast leaves once it has committed (run inside another command, once that one has).
   */
  record(
    printer: PrinterRecord,
    state: PrinterState,
    detail: string | null,
    options: { onlyIfChanged?: boolean } = {},
  ): StaffPrinterStatus {
    const command = { scope: 'printer:status', request: null };
    return this.runner.run(command, (context): StaffPrinterStatus => {
      const now = context.at;
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
      if (stored?.active) context.afterCommit(quietly(() => this.send(report)));
      return report;
    }).value;
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
