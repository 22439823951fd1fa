import { openTransport, Printer, isPrinterError } from '../../../printers';
import type {
  AgentPrintJob,
  PrintJobResult,
  PrintJob,
  PrinterState,
  PrinterStatusReport,
} from '../contract/printing';
import { DomainError } from '../domain/errors';
import type { PrintJobRecord } from '../storage/print-job-repo';
import type { PrinterRecord } from '../storage/printer-repo';
import type { Repos } from '../storage/repos';
import type { Clock } from './clock';
import { stateOfError, stateOfStatus } from '../../../printers/printer-state';
import { toPrinterReport, toPrintJob } from './print-views';
import type { TicketPrint } from './ticket-print';

/** Where print news goes: Socket.IO in production (realtime/print-broadcaster.ts). */
export interface PrintNotifier {
  /** To every screen: kiosks warn before issuing, supervisors watch. */
  printerStatus(report: PrinterStatusReport): void;
  /** To staff. */
  jobUpdated(job: PrintJob): void;
  /** To one kiosk's print agent; false when no agent of that kiosk is connected. */
  sendToAgent(deviceId: number, job: AgentPrintJob): Promise<boolean>;
}

/** How hard the queue tries; tests shrink every number. */
export interface PrintingOptions {
  /** Attempts per job before a transient fault marks it failed. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each time up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  statusTimeoutMs: number;
  connectTimeoutMs: number;
  writeTimeoutMs: number;
  /** How long a print agent has to report a job's outcome. */
  agentTimeoutMs: number;
}

/** Production defaults: five attempts over about half a minute. */
export const DEFAULT_PRINTING_OPTIONS: PrintingOptions = {
  maxAttempts: 5,
  retryBaseMs: 2000,
  retryMaxMs: 60_000,
  statusTimeoutMs: 1500,
  connectTimeoutMs: 3000,
  writeTimeoutMs: 10_000,
  agentTimeoutMs: 30_000,
};

/** An attempt's outcome, whichever way the bytes went. */
type Outcome =
  | { ok: true; state: PrinterState; detail: string | null }
  | { ok: false; transient: boolean; message: string; state: PrinterState | null };

interface AgentWait {
  deviceId: number;
  resolve(result: PrintJobResult): void;
}

/**
 * Runs the print queue: one job at a time per printer, in id order, after the ticket's
 * transaction committed. Transient faults retry with doubling backoff; the rest fail.
 * Timers are unref'd and cleared by `stop()`, which waits for attempts in flight.
 */
export class PrintWorker {
  private readonly busy = new Set<number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly printers = new Map<number, { target: string; printer: Printer }>();
  private readonly running = new Set<Promise<void>>();
  private readonly agentWaits = new Map<number, AgentWait>();
  private stopped = false;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly render: TicketPrint,
    private readonly notifier: PrintNotifier,
    private readonly options: PrintingOptions,
  ) {}

  /** Picks up what a previous process left: interrupted jobs go back to the queue. */
  start(): void {
    this.repos.printJobs.requeueInterrupted(this.clock.now());
    this.kick();
  }

  /** Looks for due jobs soon (never in the caller's stack, so issuing is never delayed). */
  kick(): void {
    if (this.stopped) return;
    for (const { printerId, dueAt } of this.repos.printJobs.queuedPrinters()) {
      this.schedule(printerId, dueAt);
    }
  }

  /** The printer's status now, recorded and broadcast. */
  async queryStatus(printer: PrinterRecord): Promise<PrinterStatusReport> {
    if (printer.target === 'agent') {
      return printer.lastStatus
        ? toPrinterReport(printer)
        : this.recordStatus(printer, 'unknown', 'no report from the agent yet');
    }
    try {
      const status = await this.deviceFor(printer).status();
      const detail = status.answered ? null : `no status reply (${status.reason})`;
      return this.recordStatus(printer, stateOfStatus(status), detail);
    } catch (error) {
      return this.recordStatus(printer, stateOfError(error) ?? 'unknown', messageOf(error));
    }
  }

  /** Stores and broadcasts a printer's state. */
  recordStatus(
    printer: Pick<PrinterRecord, 'id' | 'name' | 'deviceId' | 'isDefault'>,
    state: PrinterState,
    detail: string | null,
  ): PrinterStatusReport {
    const now = this.clock.now();
    const report: PrinterStatusReport = {
      printerId: printer.id,
      name: printer.name,
      deviceId: printer.deviceId,
      isDefault: printer.isDefault,
      state,
      detail,
      at: new Date(now).toISOString(),
    };
    if (this.stopped) return report;
    this.repos.printers.setStatus(printer.id, report, now);
    this.safely(() => this.notifier.printerStatus(report));
    return report;
  }

  /** A print agent's answer: the outcome of a job sent to it, or a status report. */
  agentResult(deviceId: number, result: PrintJobResult): void {
    if (result.jobId === null) {
      const printer = this.repos.printers.activeForDevice(deviceId);
      if (!printer || printer.target !== 'agent') {
        throw new DomainError('printer_not_found', `Kiosk ${deviceId} has no agent printer`);
      }
      this.recordStatus(printer, result.state ?? 'unknown', result.error?.message ?? null);
      return;
    }
    const wait = this.agentWaits.get(result.jobId);
    if (!wait || wait.deviceId !== deviceId) {
      throw new DomainError('print_job_not_found', `No job ${result.jobId} waits for this kiosk`);
    }
    this.agentWaits.delete(result.jobId);
    wait.resolve(result);
  }

  /** Closes a printer's connection (its target changed, or it was deleted). */
  forget(printerId: number): void {
    const cached = this.printers.get(printerId);
    this.printers.delete(printerId);
    if (cached) void cached.printer.close().catch(() => undefined);
  }

  /** Stops timers, waits for attempts in flight, closes connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const wait of this.agentWaits.values()) {
      wait.resolve({ jobId: null, ok: false, error: stoppedError() });
    }
    this.agentWaits.clear();
    await Promise.allSettled([...this.running]);
    await Promise.allSettled([...this.printers.values()].map(({ printer }) => printer.close()));
    this.printers.clear();
  }

  private schedule(printerId: number, dueAt: number): void {
    if (this.stopped || this.busy.has(printerId)) return;
    const existing = this.timers.get(printerId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(
      () => {
        this.timers.delete(printerId);
        // A timer set for a job makes it due even when an injected clock has not moved.
        this.track(this.drain(printerId, Math.max(this.clock.now(), dueAt)));
      },
      Math.max(0, dueAt - this.clock.now()),
    );
    timer.unref();
    this.timers.set(printerId, timer);
  }

  private track(run: Promise<void>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async drain(printerId: number, dueBy: number): Promise<void> {
    if (this.stopped || this.busy.has(printerId)) return;
    this.busy.add(printerId);
    try {
      for (;;) {
        if (this.stopped) return;
        const job = this.repos.printJobs.nextDue(printerId, dueBy);
        if (!job) break;
        const ok = await this.attempt(job);
        if (!ok) break;
        dueBy = Math.max(dueBy, this.clock.now());
      }
    } finally {
      this.busy.delete(printerId);
    }
    const next = this.repos.printJobs.queuedPrinters().find((p) => p.printerId === printerId);
    if (next) this.schedule(printerId, next.dueAt);
  }

  /** One attempt at one job; false when the printer should rest before the next. */
  private async attempt(job: PrintJobRecord): Promise<boolean> {
    const printer = this.repos.printers.get(job.printerId);
    if (!printer || !printer.active) {
      this.finish(job.id, 'cancelled', 'printer removed or inactive', null);
      return true;
    }
    this.repos.printJobs.startAttempt(job.id, this.clock.now());
    this.announce(job.id);
    const outcome = await this.send(job, printer);
    if (outcome.ok) {
      this.finish(job.id, 'done', null, null);
      this.recordStatus(printer, outcome.state, outcome.detail);
      return true;
    }
    const attempts = job.attempts + 1;
    if (outcome.state) this.recordStatus(printer, outcome.state, outcome.message);
    if (outcome.transient && attempts < this.options.maxAttempts) {
      const delay = Math.min(
        this.options.retryMaxMs,
        this.options.retryBaseMs * 2 ** (attempts - 1),
      );
      this.finish(job.id, 'queued', outcome.message, this.clock.now() + delay);
      return false;
    }
    this.finish(job.id, 'failed', outcome.message, null);
    return true;
  }

  private async send(job: PrintJobRecord, printer: PrinterRecord): Promise<Outcome> {
    try {
      const bytes = this.render.escPos(job.ticketId, printer.options, job.figures);
      if (printer.target === 'agent') return await this.sendToAgent(job, printer, bytes);
      const result = await this.deviceFor(printer).print(bytes, {
        name: `ticket-${job.ticketId}-job-${job.id}`,
      });
      const status = result.after.answered ? result.after : result.before;
      const state = result.warnings.includes('paper_near_end')
        ? 'paper_near_end'
        : stateOfStatus(status);
      return { ok: true, state, detail: status.answered ? null : 'no status reply' };
    } catch (error) {
      const transient = isPrinterError(error) && error.transient;
      return { ok: false, transient, message: messageOf(error), state: stateOfError(error) };
    }
  }

  private async sendToAgent(
    job: PrintJobRecord,
    printer: PrinterRecord,
    bytes: Uint8Array,
  ): Promise<Outcome> {
    const deviceId = printer.deviceId;
    if (deviceId === null) {
      return { ok: false, transient: false, message: 'agent printer has no kiosk', state: null };
    }
    const result = new Promise<PrintJobResult>((resolve) => {
      const timer = setTimeout(() => {
        this.agentWaits.delete(job.id);
        resolve({ jobId: job.id, ok: false, error: timeoutError() });
      }, this.options.agentTimeoutMs);
      timer.unref();
      this.agentWaits.set(job.id, {
        deviceId,
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      });
    });
    const payload = {
      jobId: job.id,
      printerId: printer.id,
      data: Buffer.from(bytes).toString('base64'),
    };
    if (!(await this.notifier.sendToAgent(deviceId, payload))) {
      this.agentWaits.get(job.id)?.resolve({ jobId: job.id, ok: false, error: absentError() });
      this.agentWaits.delete(job.id);
    }
    const answer = await result;
    if (answer.ok) return { ok: true, state: answer.state ?? 'online', detail: null };
    const error = answer.error ?? { code: 'io_error', message: 'agent failed', transient: true };
    return {
      ok: false,
      transient: error.transient,
      message: `${error.code}: ${error.message}`,
      state: answer.state ?? (error.code === 'agent_absent' ? 'unreachable' : null),
    };
  }

  private deviceFor(printer: PrinterRecord): Printer {
    const cached = this.printers.get(printer.id);
    if (cached?.target === printer.target) return cached.printer;
    if (cached) this.forget(printer.id);
    const transport = openTransport(printer.target, {
      connectTimeoutMs: this.options.connectTimeoutMs,
      writeTimeoutMs: this.options.writeTimeoutMs,
    });
    const device = new Printer(transport, { statusTimeoutMs: this.options.statusTimeoutMs });
    this.printers.set(printer.id, { target: printer.target, printer: device });
    return device;
  }

  private finish(
    jobId: number,
    status: PrintJobRecord['status'],
    lastError: string | null,
    nextAttemptAt: number | null,
  ): void {
    if (this.stopped && status === 'queued') nextAttemptAt ??= this.clock.now();
    this.repos.printJobs.finish(jobId, status, lastError, nextAttemptAt, this.clock.now());
    this.announce(jobId);
  }

  private announce(jobId: number): void {
    const job = this.repos.printJobs.get(jobId);
    if (job) this.safely(() => this.notifier.jobUpdated(toPrintJob(job)));
  }

  private safely(run: () => void): void {
    try {
      run();
    } catch {
      // A broadcast failure must never change what happened to a job.
    }
  }
}

function messageOf(error: unknown): string {
  if (isPrinterError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

const timeoutError = () => ({
  code: 'agent_timeout',
  message: 'the print agent did not answer in time',
  transient: true,
});
const absentError = () => ({
  code: 'agent_absent',
  message: 'no print agent of this kiosk is connected',
  transient: true,
});
const stoppedError = () => ({ code: 'stopped', message: 'server stopping', transient: true });
