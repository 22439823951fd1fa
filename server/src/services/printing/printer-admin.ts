import { isDeepStrictEqual } from 'node:util';
import type {
  CreatePrinterRequest,
  PrinterView,
  StaffPrinterStatus,
  TestPrintJob,
  UpdatePrinterRequest,
} from '../../contract/printing';
import type { AuditWho } from '../../auth/audit-trail';
import { DomainError } from '../../domain/errors';
import type { PrinterFields, PrinterRecord } from '../../storage/printer-repo';
import type { Repos } from '../../storage/repos';
import type { CommandResult, CommandRunner } from '../core/command-runner';
import { toPrintJob, toPrinterReport, toPrinterView } from './print-views';
import type { PrintNotifier, PrintWorker } from './print-worker';
import { printerTargetProblem } from './printer-targets';

/** What the printer admin use cases are built from. */
export interface PrinterAdminDeps {
  repos: Repos;
  runner: CommandRunner;
  worker: PrintWorker;
  /** Where printer changes are announced (the worker announces states and jobs itself). */
  notifier: PrintNotifier;
  /** The folder spool printers must write inside (the data folder); null allows none. */
  spoolRoot: string | null;
}

/**
 * The printers admins configure, and their live status. Every change is a command: its
 * rows, its audit row and its idempotency record commit together, and the changes to
 * the active printers are announced to every screen once committed. A retry with the
 * same idempotency key answers the first result and changes nothing.
 */
export class PrinterAdmin {
  constructor(private readonly deps: PrinterAdminDeps) {}

  /** Every printer not deleted, for the admin list. */
  printers(): PrinterView[] {
    return this.deps.repos.printers.list().map(toPrinterView);
  }

  /** Adds a printer; marking it the default takes the flag from any other. */
  createPrinter(
    input: CreatePrinterRequest & PrinterFields,
    actor: AuditWho,
    idempotencyKey?: string,
  ): CommandResult<PrinterView> {
    const { repos, runner } = this.deps;
    const before = this.activeReports();
    const command = {
      scope: `printer:create:staff:${actor.staffId}`,
      idempotencyKey,
      request: input,
    };
    return runner.run(command, (context) => {
      const fields = this.checked(input);
      const id = repos.printers.insert(fields, context.at);
      if (fields.isDefault) repos.printers.clearDefaultExcept(id);
      context.audit('printer.create', actor, `printer:${id}`, { ...fields });
      context.afterCommit(() => this.announceChanges(before));
      return toPrinterView(this.printer(id));
    });
  }

  /**
   * Changes a printer. A deactivated printer's queued jobs are cancelled; a new address
   * forgets the old one's state (screens see `unknown`) and asks the printer at once.
   */
  updatePrinter(
    id: number,
    patch: UpdatePrinterRequest,
    actor: AuditWho,
    idempotencyKey?: string,
  ): CommandResult<PrinterView> {
    const { repos, runner, worker } = this.deps;
    const before = this.activeReports();
    const command = {
      scope: `printer:update:staff:${actor.staffId}`,
      idempotencyKey,
      request: { id, patch },
    };
    return runner.run(command, (context) => {
      const current = this.printer(id);
      // A target saved before targets were checked is judged only when it changes, so such
      // a printer can still be renamed or deactivated (it prints nothing: see DirectPrinters).
      const fields = this.checked({ ...current, ...patch }, patch.target !== undefined);
      repos.printers.update(id, fields);
      if (fields.isDefault) repos.printers.clearDefaultExcept(id);
      const moved = fields.target !== current.target;
      if (moved) repos.printers.clearStatus(id);
      const cancelled = fields.active ? [] : repos.printJobs.cancelQueued(id, context.at);
      context.audit('printer.update', actor, `printer:${id}`, {
        name: current.name,
        ...changesOf(current, fields),
      });
      const updated = this.printer(id);
      context.afterCommit(() => {
        worker.forget(id);
        worker.kick();
        this.announceChanges(before);
        this.announceJobs(cancelled);
        if (moved && updated.active) void worker.queryStatus(updated).catch(() => undefined);
      });
      return toPrinterView(updated);
    });
  }

  /** Removes a printer from the list and cancels its queued jobs; its history stays. */
  deletePrinter(id: number, actor: AuditWho, idempotencyKey?: string): CommandResult<null> {
    const { repos, runner, worker } = this.deps;
    const before = this.activeReports();
    const command = {
      scope: `printer:delete:staff:${actor.staffId}`,
      idempotencyKey,
      request: { id },
    };
    return runner.run(command, (context) => {
      const printer = this.printer(id);
      const cancelled = repos.printJobs.cancelQueued(id, context.at);
      repos.printers.markDeleted(id, context.at);
      context.audit('printer.delete', actor, `printer:${id}`, {
        name: printer.name,
        target: printer.target,
        deviceId: printer.deviceId,
      });
      context.afterCommit(() => {
        worker.forget(id);
        this.announceChanges(before);
        this.announceJobs(cancelled);
      });
      return null;
    });
  }

  /**
   * Prints a test page on the printer (active or not, so one can be tried before it takes
   * tickets), in its turn between queued jobs, and audits the outcome. A printer that
   * fails answers 503 `print_failed` with `printer: { code, state, message }` (its error,
   * e.g. `paper_end`); the attempt is in the audit trail either way.
   */
  async testPrint(id: number, actor: AuditWho): Promise<TestPrintJob> {
    const { runner, worker } = this.deps;
    const printer = this.printer(id);
    const outcome = await worker.printTestPage(printer);
    const command = { scope: `printer:test:staff:${actor.staffId}`, request: { id } };
    runner.run(command, (context) => {
      context.audit('printer.test', actor, `printer:${id}`, {
        name: printer.name,
        ok: outcome.ok,
        state: outcome.state,
        ...(!outcome.ok && { error: outcome.message }),
      });
    });
    if (!outcome.ok) {
      // The printers library's code leads its message (`paper_end: …`); agents' too.
      const code = /^([a-z_]+): /.exec(outcome.message)?.[1] ?? null;
      throw new DomainError('print_failed', outcome.message, {
        printer: { code, state: outcome.state, message: outcome.message },
      });
    }
    return {
      kind: 'test',
      printerId: id,
      status: 'done',
      state: outcome.state,
      detail: outcome.detail,
      at: new Date(outcome.at).toISOString(),
    };
  }

  /** Asks the printer now (or the agent's last report). */
  status(id: number): Promise<StaffPrinterStatus> {
    return this.deps.worker.queryStatus(this.printer(id));
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
