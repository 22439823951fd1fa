import type { PrintJob, PrintJobResult, PrintJobStatus } from '../../contract/printing';
import type { AuditWho } from '../../auth/audit-trail';
import { RateLimiter, takeEach, type RateLimit } from '../../auth/rate-limiter';
import { DomainError } from '../../domain/errors';
import type { PrintFigures } from '../../storage/print-job-repo';
import type { PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import type { CommandResult, CommandRunner } from '../core/command-runner';
import { toPrintJob } from './print-views';
import type { PrintWorker } from './print-worker';
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
}

/**
 * Printing's use cases for tickets: queueing a kiosk's ticket inside its issue transaction,
 * reprints (written to the audit trail), the job list, print agents' reports and the
 * PDF/PNG for browser printing. The printers themselves are PrinterAdmin's.
 */
export class PrintService {
  private readonly imagesPerStaff: RateLimiter;
  private readonly imagesPerIp: RateLimiter;

  constructor(private readonly deps: PrintServiceDeps) {
    this.imagesPerStaff = new RateLimiter(deps.clock, TICKET_IMAGE_RATE);
    this.imagesPerIp = new RateLimiter(deps.clock, TICKET_IMAGE_RATE_PER_IP);
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
        context.audit('ticket.reprint', actor, `ticket:${ticketId}`, {
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
    const allowed = takeEach(
      [this.imagesPerStaff, String(who.staffId)],
      [this.imagesPerIp, who.ip ?? '-'],
    );
    if (!allowed) throw tooManyImages();
    return this.deps.worker.renderTicket(kind, ticketId);
  }

  private job(id: number) {
    const job = this.deps.repos.printJobs.get(id);
    if (!job) throw new DomainError('print_job_not_found', `No print job ${id}`);
    return job;
  }
}

const tooManyImages = () =>
  new DomainError('rate_limited', 'Too many ticket images; try again in a minute');
