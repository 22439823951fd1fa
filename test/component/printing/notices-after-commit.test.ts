import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import type { AgentPrintJob, PrintJob, PrinterStatusReport } from '../../../server/src/contract';
import type { AuditWho } from '../../../server/src/auth/audit-trail';
import { createServices, type Services } from '../../../server/src/services/create-services';
import { seedDemoCentre } from '../../../server/src/storage/demo-centre';
import type { PrintNotifier } from '../../../server/src/services/printing/print-worker';
import { CommandRunner } from '../../../server/src/services/core/command-runner';
import { PrinterStatuses } from '../../../server/src/services/printing/printer-statuses';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { migrate } from '../../../server/src/storage/migrate';
import { createRepos, type Repos } from '../../../server/src/storage/repos';
import { eventually } from '../../support/eventually';
import { closedPort, startFakePrinter, type FakePrinter } from '../../support/fake-printer';
import { ManualClock, tempDataDir } from '../../support/test-server';

const ADMIN: AuditWho = { staffId: null, username: 'test', ip: null };

/**
 * A notifier that, on each notice, reads the row it announces through a second connection:
 * what another process (or a screen's next snapshot) would see at that instant.
 */
class CommitCheckingNotifier implements PrintNotifier {
  readonly jobs: { notice: PrintJob; committed: string | undefined }[] = [];
  readonly states: { notice: PrinterStatusReport; committed: string | undefined }[] = [];
  private readonly reader: BetterSqlite3.Database;

  constructor(file: string) {
    this.reader = new BetterSqlite3(file, { readonly: true });
  }

  jobUpdated(job: PrintJob): void {
    const row = this.reader.prepare('SELECT status FROM print_jobs WHERE id = ?').get(job.id) as
      { status: string } | undefined;
    this.jobs.push({ notice: job, committed: row?.status });
  }

  printerStatus(report: PrinterStatusReport): void {
    const row = this.reader
      .prepare('SELECT last_status FROM printers WHERE id = ?')
      .get(report.printerId) as { last_status: string | null } | undefined;
    const stored = row?.last_status ? (JSON.parse(row.last_status) as PrinterStatusReport) : null;
    this.states.push({ notice: report, committed: stored?.state });
  }

  printerRemoved(): void {}

  sendToAgent(_deviceId: number, _job: AgentPrintJob): string | null {
    return null;
  }

  close(): void {
    this.reader.close();
  }
}

describe('print notices', () => {
  let db: Database;
  let repos: Repos;
  let services: Services;
  let notifier: CommitCheckingNotifier;
  let printer: FakePrinter;

  beforeEach(() => {
    const file = path.join(tempDataDir(), 'luot.db');
    db = openDatabase(file);
    migrate(db);
    repos = createRepos(db);
    seedDemoCentre(repos);
    notifier = new CommitCheckingNotifier(file);
    services = createServices(
      repos,
      new ManualClock(),
      { publish: () => undefined, endAccess: () => undefined },
      {
        timeZone: 'Asia/Ho_Chi_Minh',
        printNotifier: notifier,
        publicUrl: () => 'http://192.0.2.1:8080',
        printing: {
          maxAttempts: 2,
          retryBaseMs: 10,
          retryMaxMs: 10,
          statusTimeoutMs: 100,
          connectTimeoutMs: 300,
          writeTimeoutMs: 500,
        },
      },
    );
  });

  afterEach(async () => {
    await services.printWorker.stop();
    notifier.close();
    db.close();
    await printer?.close();
  });

  async function printOn(target: string): Promise<void> {
    services.printerAdmin.createPrinter(
      { name: 'Sảnh', target, options: {}, deviceId: null, isDefault: true, active: true },
      ADMIN,
    );
    services.issuer.issueTicket({ serviceId: 1 });
    await eventually(
      () => notifier.jobs.some((j) => ['done', 'failed'].includes(j.notice.status)),
      { what: 'the job to end' },
    );
  }

  test('a write that fails as a job ends pauses its printer, then prints the job again', async () => {
    printer = await startFakePrinter('ok');
    let refused = 0;
    db.raw.function('refuse_write', () => {
      refused += 1;
      throw new Error('disk refused the write');
    });
    db.raw.exec(`CREATE TRIGGER no_done BEFORE UPDATE OF status ON print_jobs
      WHEN NEW.status = 'done' BEGIN SELECT refuse_write(); END`);
    services.printerAdmin.createPrinter(
      {
        name: 'Sảnh',
        target: `tcp://127.0.0.1:${printer.port}`,
        options: {},
        deviceId: null,
        isDefault: true,
        active: true,
      },
      ADMIN,
    );
    const { ticket } = services.issuer.issueTicket({ serviceId: 1 }).value;
    const status = () =>
      db.get<{ status: string }>('SELECT status FROM print_jobs WHERE ticket_id = ?', [ticket.id])
        ?.status;

    // The printer got the ticket, but its outcome could not be stored (an unhandled
    // rejection here used to end the process; Jest fails the test on one).
    await eventually(() => refused === 1, { what: 'the outcome refused' });
    const once = printer.received().length;
    expect(status()).toBe('printing');
    db.raw.exec('DROP TRIGGER no_done');

    await eventually(() => status() === 'done', { what: 'the job printed again and stored' });
    expect(printer.received().length).toBe(2 * once);
  });

  test('announce a printed job and its printer state only once both are committed', async () => {
    printer = await startFakePrinter('paper-near-end');

    await printOn(`tcp://127.0.0.1:${printer.port}`);

    const done = notifier.jobs.find((j) => j.notice.status === 'done');
    expect(done).toEqual({ notice: expect.anything(), committed: 'done' });
    const nearEnd = notifier.states.filter((s) => s.notice.state === 'paper_near_end');
    expect(nearEnd).not.toHaveLength(0);
    for (const state of nearEnd) expect(state.committed).toBe('paper_near_end');
  });

  test('announce a failed job and an unreachable printer only once both are committed', async () => {
    await printOn(`tcp://127.0.0.1:${await closedPort()}`);

    const ended = notifier.jobs.filter((j) => ['queued', 'failed'].includes(j.notice.status));
    expect(ended.map((j) => j.notice.status)).toEqual(['queued', 'failed']);
    for (const job of ended) expect(job.committed).toBe(job.notice.status);
    const unreachable = notifier.states.filter((s) => s.notice.state === 'unreachable');
    expect(unreachable).not.toHaveLength(0);
    for (const state of unreachable) expect(state.committed).toBe('unreachable');
  });

  describe('sending before the commit', () => {
    function savedPrinter() {
      const id = repos.printers.insert(
        {
          name: 'Sảnh',
          target: 'agent',
          options: {},
          deviceId: null,
          isDefault: true,
          active: true,
        },
        0,
      );
      const printer = repos.printers.get(id);
      if (!printer) throw new Error('printer not saved');
      return printer;
    }

    function statusesWith(sent: PrinterStatusReport[]) {
      const runner = new CommandRunner(repos, new ManualClock(), {
        publish: () => undefined,
        endAccess: () => undefined,
      });
      return { runner, statuses: new PrinterStatuses(repos, runner, (r) => sent.push(r)) };
    }

    test('PrinterStatuses.record() inside a command sends only once that command has committed', () => {
      const printer = savedPrinter();
      const sent: PrinterStatusReport[] = [];
      const { runner, statuses } = statusesWith(sent);

      runner.run({ scope: 'test', request: null }, () => {
        statuses.record(printer, 'paper_end', null);
        expect(sent).toEqual([]);
      });

      expect(sent.map((r) => r.state)).toEqual(['paper_end']);
    });

    test('a job end and printer state whose write fails leave nothing stored and nothing sent', () => {
      const ticketId = services.issuer.issueTicket({ serviceId: 1 }).value.ticket.id;
      const printer = savedPrinter();
      const figures = { peopleAhead: 0, estimatedWaitMinutes: null };
      const jobId = repos.printJobs.insert(ticketId, printer.id, figures, 0);
      const sent: PrinterStatusReport[] = [];
      const jobNotice = jest.fn();
      const { runner, statuses } = statusesWith(sent);
      db.exec(`CREATE TRIGGER refuse_status BEFORE UPDATE OF last_status ON printers
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

      // What PrintWorker.settle does: the job's end, then the printer's state, in one command.
      const settle = () =>
        runner.run({ scope: 'print-job:settle', request: null }, (context) => {
          repos.printJobs.finish(jobId, 'done', null, null, context.at);
          context.afterCommit(jobNotice);
          statuses.record(printer, 'paper_end', null);
        });

      expect(settle).toThrow(/disk full/);
      expect(repos.printJobs.get(jobId)?.status).toBe('queued');
      expect(repos.printers.get(printer.id)?.lastStatus).toBeNull();
      expect(jobNotice).not.toHaveBeenCalled();
      expect(sent).toEqual([]);
    });

    test('a broadcast that throws after the commit leaves the stored state and the caller alone', () => {
      const printer = savedPrinter();
      const { runner } = statusesWith([]);
      const statuses = new PrinterStatuses(repos, runner, () => {
        throw new Error('socket gone');
      });

      expect(statuses.record(printer, 'paper_end', null).state).toBe('paper_end');
      expect(repos.printers.get(printer.id)?.lastStatus?.state).toBe('paper_end');
    });
  });
});
