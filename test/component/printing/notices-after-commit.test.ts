import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import type { AgentPrintJob, PrintJob, PrinterStatusReport } from '../../../server/src/contract';
import type { AuditWho } from '../../../server/src/auth/audit-trail';
import { createServices, type Services } from '../../../server/src/services/create-services';
import { seedDemoCentre } from '../../../server/src/storage/demo-centre';
import type { PrintNotifier } from '../../../server/src/services/printing/print-worker';
import {
  PrinterStatuses,
  sendCommitted,
  type Notice,
} from '../../../server/src/services/printing/printer-statuses';
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
    const inTransaction = /inside a transaction/;

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

    test('PrinterStatuses.record() inside a transaction without a notices list throws before storing or sending', () => {
      const printer = savedPrinter();
      const sent: PrinterStatusReport[] = [];
      const statuses = new PrinterStatuses(repos, new ManualClock(), (r) => sent.push(r));

      const record = () => db.transaction(() => statuses.record(printer, 'paper_end', null));

      expect(record).toThrow(inTransaction);
      expect(sent).toEqual([]);
      expect(repos.printers.get(printer.id)?.lastStatus).toBeNull();
    });

    test('PrinterStatuses.record() with a notices list sends only what the caller sends after the commit', () => {
      const printer = savedPrinter();
      const sent: PrinterStatusReport[] = [];
      const statuses = new PrinterStatuses(repos, new ManualClock(), (r) => sent.push(r));
      const notices: Notice[] = [];

      db.transaction(() => statuses.record(printer, 'paper_end', null, { notices }));
      expect(sent).toEqual([]);
      sendCommitted(db, ...notices);

      expect(sent.map((r) => r.state)).toEqual(['paper_end']);
    });

    test('sendCommitted() inside a transaction throws and sends nothing', () => {
      const notice = jest.fn();

      expect(() => db.transaction(() => sendCommitted(db, notice))).toThrow(inTransaction);
      expect(notice).not.toHaveBeenCalled();
      sendCommitted(db, notice);
      expect(notice).toHaveBeenCalledTimes(1);
    });
  });
});
