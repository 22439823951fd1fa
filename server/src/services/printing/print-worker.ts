import type { EscPosOptions } from '../../../../printers';
import type { PrintJobResult, PrintJob, StaffPrinterStatus } from '../../contract/printing';
import type { PrintJobRecord } from '../../storage/print-job-repo';
import type { PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import { AgentDispatch, type AgentChannel } from './agent-dispatch';
import type { Clock } from '../core/clock';
import type { CommandContext, CommandRunner } from '../core/command-runner';
import {
  DirectPrinters,
  type DirectPrinterLimits,
  type DirectPrinterTimeouts,
} from './direct-printers';
import { EscPosThread } from './escpos-thread';
import { failedOutcome, type AttemptOutcome } from './print-outcome';
import { PrinterStatuses, quietly, type Notice } from './printer-statuses';
import { toPrintJob } from './print-views';
import type { TicketPrint } from './ticket-print';

/** Where print news goes: Socket.IO in production (realtime/broadcaster.ts). */
export interface PrintNotifier extends AgentChannel {
  /**
   * To every screen: kiosks warn before issuing, supervisors watch. Staff get the report
   * as it is; everyone else its public form (no `detail`).
   */
  printerStatus(report: StaffPrinterStatus): void;
  /** To every screen: the printer left the active printers (deleted or deactivated). */
  printerRemoved(printerId: number): void;
  /** To staff. */
  jobUpdated(job: PrintJob): void;
}

/** How hard the queue tries; tests shrink every number. */
export interface PrintingOptions extends DirectPrinterTimeouts {
  /** Attempts per job before a transient fault marks it failed. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each time up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a print agent has to report a job's outcome. */
  agentTimeoutMs: number;
}

/**
 * Ids of test pages sent to print agents: above any print job's id, still safe integers,
 * so an agent answers them as it answers jobs.
 */
const FIRST_TEST_PAGE_ID = 2 ** 52;

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

/**
 * Runs the print queue: one job at a time per printer, in id order, after the ticket's
 * transaction committed. Each attempt renders the ticket and hands the bytes to the
 * printer itself (`DirectPrinters`) or to the kiosk's print agent (`AgentDispatch`).
 * Transient faults retry with doubling backoff; the rest fail. Timers are unref'd and
 * cleared by `stop()`, which waits for attempts in flight.
 */
export class PrintWorker {
  private readonly busy = new Set<number>();
  /** Test pages waiting for their printer to finish what it prints, per printer. */
  private readonly waiting = new Map<number, (() => void)[]>();
  private nextTestPageId = FIRST_TEST_PAGE_ID;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  /** Printers whose last run threw before storing its job's outcome. */
  private readonly interrupted = new Set<number>();
  private readonly direct: DirectPrinters;
  private readonly agents: AgentDispatch;
  private readonly statuses: PrinterStatuses;
  private readonly escPos: EscPosThread;
  private stopped = false;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly runner: CommandRunner,
    private readonly render: TicketPrint,
    private readonly notifier: PrintNotifier,
    private readonly options: PrintingOptions,
    limits: DirectPrinterLimits,
  ) {
    this.direct = new DirectPrinters(options, limits);
    this.agents = new AgentDispatch(notifier, options.agentTimeoutMs);
    this.statuses = new PrinterStatuses(repos, runner, (report) => notifier.printerStatus(report));
    this.escPos = new EscPosThread();
  }

  /** Picks up what a previous process left: interrupted jobs go back to the queue. */
  start(): void {
    const command = { scope: 'print-job:requeue', request: null };
    this.runner.run(command, ({ at }) => this.repos.printJobs.requeueInterrupted(at));
    this.kick();
  }

  /** Looks for due jobs soon (never in the caller's stack, so issuing is never delayed). */
  kick(): void {
    if (this.stopped) return;
    for (const { printerId, dueAt } of this.repos.printJobs.queuedPrinters()) {
      this.schedule(printerId, dueAt);
    }
  }

  /**
   * The ticket as the browser prints it (`png`: as an 80 mm raster printer prints it),
   * drawn in the render thread, which the print queue shares, so never on the main thread.
   */
  renderTicket(kind: 'png' | 'pdf', ticketId: number): Promise<Uint8Array> {
    return this.escPos.render(kind, this.render.layout(ticketId));
  }

  /**
   * Prints a test page (a test page is no ticket, so no queued job) in the printer's turn:
   * it waits for the job being printed, holds the printer as a job does, and the queue
   * goes on after it. The printer's state is recorded as after any print.
   */
  async printTestPage(printer: PrinterRecord): Promise<AttemptOutcome & { at: number }> {
    const at = this.clock.now();
    if (this.stopped) {
      return { ok: false, transient: true, message: 'the server is stopping', state: null, at };
    }
    const run = this.testPageRun(printer, at);
    // stop() waits for it as for a job; the caller hears of its failure, not stop().
    const followed = run.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(followed);
    void followed.finally(() => this.running.delete(followed));
    const outcome = await run;
    const changed = { onlyIfChanged: true };
    if (outcome.ok) this.statuses.record(printer, outcome.state, outcome.detail, changed);
    else if (outcome.state) this.statuses.record(printer, outcome.state, outcome.message, changed);
    return { ...outcome, at };
  }

  private async testPageRun(printer: PrinterRecord, at: number): Promise<AttemptOutcome> {
    while (this.busy.has(printer.id)) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(printer.id) ?? [];
        queue.push(resolve);
        this.waiting.set(printer.id, queue);
      });
    }
    if (this.stopped) {
      return { ok: false, transient: true, message: 'the server is stopping', state: null };
    }
    this.busy.add(printer.id);
    try {
      let bytes: Uint8Array;
      try {
        const layout = this.render.testPage(printer.name, at);
        bytes = await this.escPos.encode(layout, printer.options as Partial<EscPosOptions>);
      } catch (error) {
        return failedOutcome(error);
      }
      if (printer.target === 'agent') {
        return await this.agents.send(this.nextTestPageId++, printer, bytes);
      }
      return await this.direct.print(printer, bytes, `test-page-printer-${printer.id}`);
    } finally {
      this.release(printer.id);
      // Jobs queued meanwhile found the printer busy and were left for this turn's end.
      this.kick();
    }
  }

  /** The printer is free: the first test page waiting for it goes (then the others). */
  private release(printerId: number): void {
    this.busy.delete(printerId);
    const queue = this.waiting.get(printerId);
    if (!queue) return;
    this.waiting.delete(printerId);
    for (const resolve of queue) resolve();
  }

  /** The printer's status now, recorded and broadcast. */
  async queryStatus(printer: PrinterRecord): Promise<StaffPrinterStatus> {
    if (printer.target === 'agent') return this.statuses.lastOfAgent(printer);
    const { state, detail } = await this.direct.status(printer);
    return this.statuses.record(printer, state, detail);
  }

  /**
   * A print agent's answer (`connection` is its socket): the outcome of a job sent to it,
   * or a status report of its kiosk's printer.
   */
  agentResult(deviceId: number, connection: string, result: PrintJobResult): void {
    if (result.jobId === null) this.statuses.agentReport(deviceId, result);
    else this.agents.settle(deviceId, connection, { ...result, jobId: result.jobId });
  }

  /** A print agent's connection closed: its unanswered jobs are retried without waiting. */
  agentDisconnected(connection: string): void {
    this.agents.disconnected(connection);
  }

  /** Closes a printer's connection (its target changed, or it was deleted). */
  forget(printerId: number): void {
    this.direct.forget(printerId);
  }

  /** Stops timers, ends agent waits, waits for attempts in flight, closes everything. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.statuses.mute();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.agents.stop();
    await Promise.allSettled([...this.running]);
    await Promise.all([this.direct.close(), this.escPos.close()]);
  }

  private schedule(printerId: number, dueAt: number): void {
    if (this.stopped || this.busy.has(printerId)) return;
    const existing = this.timers.get(printerId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(
      () => {
        this.timers.delete(printerId);
        // A timer set for a job makes it due even when an injected clock has not moved.
        this.track(printerId, this.drain(printerId, Math.max(this.clock.now(), dueAt)));
      },
      Math.max(0, dueAt - this.clock.now()),
    );
    timer.unref();
    this.timers.set(printerId, timer);
  }

  /**
   * Follows a printer's run. A run that throws (the disk refused a write mid-attempt)
   * must not become an unhandled rejection, which would end the process: the printer's
   * queue rests as long as its longest retry wait, then puts back the job it was printing
   * (printed twice rather than lost) and goes on.
   */
  private track(printerId: number, run: Promise<void>): void {
    const followed = run.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.emitWarning(
        `print queue of printer ${printerId} paused: ${reason}`,
        'LuotPrintWarning',
      );
      this.interrupted.add(printerId);
      if (!this.stopped) this.schedule(printerId, this.clock.now() + this.options.retryMaxMs);
    });
    this.running.add(followed);
    void followed.finally(() => this.running.delete(followed));
  }

  private async drain(printerId: number, dueBy: number): Promise<void> {
    if (this.stopped || this.busy.has(printerId)) return;
    this.busy.add(printerId);
    try {
      if (this.interrupted.has(printerId)) {
        // No attempt of this printer is under way (busy), so a job still 'printing' is the
        // one whose run failed to store its outcome.
        const requeue = { scope: 'print-job:requeue', request: null };
        this.runner.run(requeue, ({ at }) =>
          this.repos.printJobs.requeueInterrupted(at, printerId),
        );
        this.interrupted.delete(printerId);
        dueBy = Math.max(dueBy, this.clock.now());
      }
      for (;;) {
        if (this.stopped) return;
        const job = this.repos.printJobs.nextDue(printerId, dueBy);
        if (!job) break;
        const ok = await this.attempt(job);
        if (!ok) break;
        dueBy = Math.max(dueBy, this.clock.now());
      }
    } finally {
      this.release(printerId);
    }
    const next = this.repos.printJobs.queuedPrinters().find((p) => p.printerId === printerId);
    if (next) this.schedule(printerId, next.dueAt);
  }

  /** One attempt at one job; false when the printer should rest before the next. */
  private async attempt(job: PrintJobRecord): Promise<boolean> {
    const printer = this.repos.printers.get(job.printerId);
    if (!printer || !printer.active) {
      const cancel = { scope: 'print-job:cancel', request: null };
      this.runner.run(cancel, (context) =>
        this.finish(job.id, 'cancelled', 'printer removed or inactive', null, context),
      );
      return true;
    }
    this.runner.run({ scope: 'print-job:start', request: null }, (context) => {
      this.repos.printJobs.startAttempt(job.id, context.at);
      context.afterCommit(this.notice(job.id));
    });
    const outcome = await this.send(job, printer);
    return this.settle(job, printer, outcome);
  }

  /**
   * Stores an attempt's outcome as one command: the job's end and the printer's state are
   * one write (one disk sync, not two), and screens hear of either only once both are
   * committed.
   */
  private settle(job: PrintJobRecord, printer: PrinterRecord, outcome: AttemptOutcome): boolean {
    const changed = { onlyIfChanged: true };
    const command = { scope: 'print-job:settle', request: null };
    return this.runner.run(command, (context) => {
      if (outcome.ok) {
        this.finish(job.id, 'done', null, null, context);
        this.statuses.record(printer, outcome.state, outcome.detail, changed);
        return true;
      }
      const attempts = job.attempts + 1;
      if (outcome.state) this.statuses.record(printer, outcome.state, outcome.message, changed);
      if (outcome.transient && attempts < this.options.maxAttempts) {
        const delay = Math.min(
          this.options.retryMaxMs,
          this.options.retryBaseMs * 2 ** (attempts - 1),
        );
        this.finish(job.id, 'queued', outcome.message, context.at + delay, context);
        return false;
      }
      this.finish(job.id, 'failed', outcome.message, null, context);
      return true;
    }).value;
  }

  /**
   * Renders the ticket for this printer (the layout here, the ESC/POS bytes in the
   * encoding thread) and sends it the way the printer is reached.
   */
  private async send(job: PrintJobRecord, printer: PrinterRecord): Promise<AttemptOutcome> {
    let bytes: Uint8Array;
    try {
      const layout = this.render.layout(job.ticketId, job.figures);
      bytes = await this.escPos.encode(layout, printer.options as Partial<EscPosOptions>);
    } catch (error) {
      return failedOutcome(error);
    }
    if (printer.target === 'agent') return this.agents.send(job.id, printer, bytes);
    return this.direct.print(printer, bytes, `ticket-${job.ticketId}-job-${job.id}`);
  }

  /** Ends an attempt, in the command `context`: staff hear of the job once it commits. */
  private finish(
    jobId: number,
    status: PrintJobRecord['status'],
    lastError: string | null,
    nextAttemptAt: number | null,
    context: CommandContext,
  ): void {
    if (this.stopped && status === 'queued') nextAttemptAt ??= context.at;
    this.repos.printJobs.finish(jobId, status, lastError, nextAttemptAt, context.at);
    context.afterCommit(this.notice(jobId));
  }

  /** The job as it is now, to be sent when called (after its write committed). */
  private notice(jobId: number): Notice {
    const job = this.repos.printJobs.get(jobId);
    return quietly(() => {
      if (job) this.notifier.jobUpdated(toPrintJob(job));
    });
  }
}
