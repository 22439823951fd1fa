import { isDeepStrictEqual } from 'node:util';
import type {
  CreatePrinterRequest,
  PrintJob,
  PrintJobResult,
  PrintJobStatus,
  StaffPrinterStatus,
  PrinterView,
  UpdatePrinterRequest,
} from '../../contract/printing';
import { AuditTrail, type AuditWho } from '../../auth/audit-trail';
import { RateLimiter, type RateLimit } from '../../auth/rate-limiter';
import { DomainError } from '../../domain/errors';
import type { PrintFigures } from '../../storage/print-job-repo';
import type { PrinterFields, PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import type { CommandResult, CommandRunner } from '../core/command-runner';
import { toPrintJob, toPrinterReport, toPrinterView } from './print-views';
import type { PrintNotifier, PrintWorker } from './print-worker';
import { printerTargetProblem } from './printer-targets';
import type { TicketPrint } from './ticket-print';

/**
 * Ticket images (`print.png`, `print.pdf`) one staff member may have drawn per minute: a
 * clerk reprinting in the browser needs a few.
 */
export const TICKET_IMAGE_RATE: RateLimit = { limit: 30, windowMs: 60_000 };

/** The same per address: several clerks may share one PC, or a proxy. */
export const TICKET_IMAGE_RATE_PER_IP: RateLimit = { limit: 120, windowMs: 60_000 };

/** What the print use cases are built from. */
export interface PrintServiceDeps {
  repos: Repos;
  runner: CommandRunner;
  clock: Clock;
  worker: PrintWorker;
  render: TicketPrint;
  /** Where printer changes are announced (the worker announces states and jobs itself). */
  notifier: PrintNotifier;
  /** The folder spool printers must write inside (the data folder); null allows none. */
  spoolRoot: string | null;
}

/**
 * Printing's use cases: queueing a kiosk's ticket inside its issue transaction, reprints,
 * the printers admins configure, status checks and the PDF/PNG for browser printing.
 * Printer changes and reprints are written to the audit trail; changes to the active
 * printers are announced to every screen.
 */
export class PrintService {
  private readonly audit: AuditTrail;
  private readonly imageLimiters: { key: string; limiter: RateLimiter }[];

  constructor(private readonly deps: PrintServiceDeps) {
    this.audit = new AuditTrail(deps.repos, deps.clock);
    this.imageLimiters = [
      { key: 'staff', limiter: new RateLimiter(deps.clock, TICKET_IMAGE_RATE) },
      { key: 'ip', limiter: new RateLimiter(deps.clock, TICKET_IMAGE_RATE_PER_IP) },
    ];
  }

  /**
   * Queues the ticket for the issuing kiosk's printer: a paired kiosk's own printer, else
   * the default one, else nothing. Runs inside the issue transaction; printing starts
   * only when `kick()` is called after the commit.
   */
  enqueueIssued(
    ticketId: number,
    kioskId: number | null,
    figures: PrintFigures,
    at: number,
  ): number | null {
    const { printers, printJobs } = this.deps.repos;
    const printer =
      (kioskId !== null ? printers.activeForDevice(kioskId) : undefined) ??
      printers.activeDefault();
    return printer ? printJobs.insert(ticketId, printer.id, figures, at) : null;
  }

  /** Starts printing what is queued, asynchronously; never throws into the caller. */
  kick(): void {
    try {
      this.deps.worker.kick();
    } catch {
      // Printing is best effort from the issuer's point of view; the queue keeps the job.
    }
  }

  /** Queues a ticket again, on the given printer or the one it was last printed on, or the default. */
  reprint(
    ticketId: number,
    printerId: number | undefined,
    actor: AuditWho,
    idempotencyKey?: string,
  ): CommandResult<PrintJob> {
    const { repos } = this.deps;
    const request = { ticketId, printerId: printerId ?? null };
    const result = this.deps.runner.run(
      { scope: 'ticket:reprint', idempotencyKey, request },
      (context) => {
        if (!repos.tickets.get(ticketId)) {
          throw new DomainError('ticket_not_found', `No ticket ${ticketId}`);
        }
        let printer: PrinterRecord | undefined;
        if (printerId !== undefined) {
          printer = repos.printers.get(printerId);
          if (!printer || !printer.active) {
            throw new DomainError('printer_not_found', `No active printer ${printerId}`);
          }
        } else {
          const last = repos.printJobs.lastPrinterOf(ticketId);
          const previous = last === undefined ? undefined : repos.printers.get(last);
          printer = previous?.active ? previous : repos.printers.activeDefault();
          if (!printer) throw new DomainError('no_printer', 'No printer for this ticket');
        }
        // A reprint shows the queue as it stands now; its print time says when that was.
        const figures = this.deps.render.figuresNow(ticketId);
        const id = repos.printJobs.insert(ticketId, printer.id, figures, context.at);
        this.audit.record('ticket.reprint', actor, `ticket:${ticketId}`, {
          printerId: printer.id,
          jobId: id,
        });
        return toPrintJob(this.job(id));
      },
    );
    if (!result.replayed) this.kick();
    return result;
  }

  /** Print jobs, newest first. */
  jobs(
    filter: { status?: PrintJobStatus | undefined; inQueue?: boolean; latest?: boolean } = {},
  ): PrintJob[] {
    return this.deps.repos.printJobs.list(filter).map(toPrintJob);
  }

  printers(): PrinterView[] {
    return this.deps.repos.printers.list().map(toPrinterView);
  }

  createPrinter(input: CreatePrinterRequest & PrinterFields, actor: AuditWho): PrinterView {
    const { repos, clock } = this.deps;
    const before = this.activeReports();
    const id = repos.db.transaction(() => {
      const fields = this.checked(input);
      const id = repos.printers.insert(fields, clock.now());
      if (fields.isDefault) repos.printers.clearDefaultExcept(id);
      this.audit.record('printer.create', actor, `printer:${id}`, { ...fields });
      return id;
    });
    this.announceChanges(before);
    return toPrinterView(this.printer(id));
  }

  /**
   * Changes a printer. A deactivated printer's queued jobs are cancelled; a new address
   * forgets the old one's state (screens see `unknown`) and asks the printer at once.
   */
  updatePrinter(id: number, patch: UpdatePrinterRequest, actor: AuditWho): PrinterView {
    const { repos, clock, worker } = this.deps;
    const before = this.activeReports();
    const { cancelled, moved } = repos.db.transaction(() => {
      const current = this.printer(id);
      // A target saved before targets were checked is judged only when it changes, so such
      // a printer can still be renamed or deactivated (it prints nothing: see DirectPrinters).
      const fields = this.checked({ ...current, ...patch }, patch.target !== undefined);
      repos.printers.update(id, fields);
      if (fields.isDefault) repos.printers.clearDefaultExcept(id);
      const moved = fields.target !== current.target;
      if (moved) repos.printers.clearStatus(id);
      const cancelled = fields.active ? [] : repos.printJobs.cancelQueued(id, clock.now());
      this.audit.record('printer.update', actor, `printer:${id}`, {
        name: current.name,
        ...changesOf(current, fields),
      });
      return { cancelled, moved };
    });
    worker.forget(id);
    worker.kick();
    this.announceChanges(before);
    this.announceJobs(cancelled);
    const updated = this.printer(id);
    if (moved && updated.active) void worker.queryStatus(updated).catch(() => undefined);
    return toPrinterView(updated);
  }

  /** Removes a printer from the list and cancels its queued jobs; its history stays. */
  deletePrinter(id: number, actor: AuditWho): void {
    const { repos, clock, worker } = this.deps;
    const before = this.activeReports();
    const cancelled = repos.db.transaction(() => {
      const printer = this.printer(id);
      const cancelled = repos.printJobs.cancelQueued(id, clock.now());
      repos.printers.markDeleted(id, clock.now());
      this.audit.record('printer.delete', actor, `printer:${id}`, {
        name: printer.name,
        target: printer.target,
        deviceId: printer.deviceId,
      });
      return cancelled;
    });
    worker.forget(id);
    this.announceChanges(before);
    this.announceJobs(cancelled);
  }

  /** Asks the printer now (or the agent's last report). */
  status(id: number): Promise<StaffPrinterStatus> {
    return this.deps.worker.queryStatus(this.printer(id));
  }

  /** A print agent's report from the kiosk `deviceId`, over the agent connection `connection`. */
  agentResult(deviceId: number, connection: string, result: PrintJobResult): void {
    this.deps.worker.agentResult(deviceId, connection, result);
  }

  /** A print agent's connection closed. */
  agentDisconnected(connection: string): void {
    this.deps.worker.agentDisconnected(connection);
  }

  /**
   * A ticket as PNG or PDF for a staff member's browser. The ticket's QR code holds its
   * tracking token, and drawing one takes tens of milliseconds, so each staff member gets
   * `TICKET_IMAGE_RATE` a minute and each address `TICKET_IMAGE_RATE_PER_IP`: both hits are
   * taken before anything is looked up or drawn (`rate_limited` past either, and then
   * neither counts), and the drawing happens off the main thread.
   */
  ticketImage(kind: 'png' | 'pdf', ticketId: number, who: AuditWho): Promise<Uint8Array> {
    const [staff, ip] = this.imageLimiters;
    const staffKey = String(who.staffId);
    const ipKey = who.ip ?? '-';
    if (!staff?.limiter.take(staffKey)) throw tooManyImages();
    if (!ip?.limiter.take(ipKey)) {
      staff.limiter.refund(staffKey);
      throw tooManyImages();
    }
    return this.deps.worker.renderTicket(kind, ticketId);
  }

  /** The active printers as screens list them (`StateSnapshot.printers`), by id. */
  private activeReports(): Map<number, StaffPrinterStatus> {
    const active = this.deps.repos.printers.list().filter((printer) => printer.active);
    return new Map(active.map((printer) => [printer.id, toPrinterReport(printer)]));
  }

  /**
   * Tells every screen how the active printers changed since `before`: `printer:status`
   * for each one added or changed (a new name, default flag or kiosk, including a printer
   * that lost its default flag to another), `printer:removed` for each one gone.
   */
  private announceChanges(before: Map<number, StaffPrinterStatus>): void {
    const { notifier } = this.deps;
    const after = this.activeReports();
    try {
      for (const [id, report] of after) {
        if (!isDeepStrictEqual(before.get(id), report)) notifier.printerStatus(report);
      }
      for (const id of before.keys()) if (!after.has(id)) notifier.printerRemoved(id);
    } catch {
      // The change is committed; a failed broadcast is caught up by the next sync.
    }
  }

  /** Tells staff about jobs an admin's change moved (cancelled with their printer). */
  private announceJobs(jobIds: readonly number[]): void {
    for (const jobId of jobIds) {
      const job = this.deps.repos.printJobs.get(jobId);
      try {
        if (job) this.deps.notifier.jobUpdated(toPrintJob(job));
      } catch {
        // Committed already; staff lists catch up when they reload the jobs.
      }
    }
  }

  private printer(id: number): PrinterRecord {
    const printer = this.deps.repos.printers.get(id);
    if (!printer) throw new DomainError('printer_not_found', `No printer ${id}`);
    return printer;
  }

  private job(id: number) {
    const job = this.deps.repos.printJobs.get(id);
    if (!job) throw new DomainError('print_job_not_found', `No print job ${id}`);
    return job;
  }

  /**
   * An agent printer needs its kiosk; a kiosk must be a paired, unrevoked kiosk. A target
   * the server writes to must be a printer device or a spool folder in the data folder.
   */
  private checked(fields: PrinterFields, newTarget = true): PrinterFields {
    const problem = newTarget ? printerTargetProblem(fields.target, this.deps.spoolRoot) : null;
    if (problem !== null) throw new DomainError('invalid_printer_target', problem);
    if (fields.deviceId !== null) {
      const device = this.deps.repos.devices.get(fields.deviceId);
      if (!device || device.kind !== 'kiosk' || device.tokenHash === null || device.revokedAt) {
        throw new DomainError('validation_failed', `Device ${fields.deviceId} is no paired kiosk`);
      }
    }
    if (fields.target === 'agent' && fields.deviceId === null) {
      throw new DomainError(
        'validation_failed',
        'An agent printer needs the kiosk it is plugged into',
      );
    }
    return {
      name: fields.name,
      target: fields.target,
      options: fields.options,
      deviceId: fields.deviceId,
      isDefault: fields.isDefault,
      active: fields.active,
    };
  }
}

/** What an update changed, old and new, for the audit trail. */
function changesOf(before: PrinterFields, after: PrinterFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'target', 'options', 'deviceId', 'isDefault', 'active'] as const) {
    if (!isDeepStrictEqual(before[key], after[key]))
      out[key] = { from: before[key], to: after[key] };
  }
  return out;
}

const tooManyImages = () =>
  new DomainError('rate_limited', 'Too many ticket images; try again in a minute');
