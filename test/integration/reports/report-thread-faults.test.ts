import path from 'node:path';
import { DomainError } from '../../../server/src/domain/errors';
import {
  ReportService,
  type ReportQuery,
} from '../../../server/src/services/reports/report-service';
import {
  buildReportFixture,
  REPORT_FROM,
  REPORT_TO,
  type ReportFixture,
} from '../../support/report-fixture';
import { CRASH_DAY, HANG_DAY } from '../../support/threads/faulty-report-thread';

const FAULTY = path.join(__dirname, '../../support/threads/faulty-report-thread.ts');
const EXITING = path.join(__dirname, '../../support/threads/exiting-thread.ts');
const ECHO_EXPORT = path.join(__dirname, '../../support/threads/echo-export-thread.ts');

const query = (from: string, to = from): ReportQuery => ({ from, to, groupBy: 'service' });
const good = query(REPORT_FROM, REPORT_TO);

/** The code a rejected promise carries (DomainError), or the rejection's message. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

/**
 * The report thread failing: a real worker thread that exits or blocks on cue. Each
 * failure answers `reports_unavailable` and the next report gets a new thread; the queue
 * refuses more than `maxWaiting` waiting and drops those whose client hung up.
 */
describe('report thread faults', () => {
  let f: ReportFixture;
  let service: ReportService;

  beforeEach(() => {
    f = buildReportFixture();
  });
  afterEach(async () => {
    await service.close();
    f.close();
  });

  const start = (options: { timeoutMs?: number; maxWaiting?: number } = {}) => {
    service = new ReportService(f.repos, f.services.settings, f.clock, {
      thread: true,
      entries: { report: FAULTY },
      ...options,
    });
  };

  test('a thread that exits answers reports_unavailable, and the next report restarts it', async () => {
    start();
    expect(await codeOf(service.summaryJson(query(CRASH_DAY)))).toBe('reports_unavailable');
    const summary = await service.summary(good);
    expect(summary.total.issued).toBeGreaterThan(0);
  });

  test('a report past the timeout ends its thread with reports_unavailable; the next runs', async () => {
    // Long enough for the good report's fresh thread on a loaded CI machine, short enough
    // to keep the test quick: the hanging one never ends by itself.
    start({ timeoutMs: 2_000 });
    expect(await codeOf(service.summaryJson(query(HANG_DAY)))).toBe('reports_unavailable');
    expect((await service.summary(good)).from).toBe(REPORT_FROM);
  });

  test('refuses report_busy past 4 waiting, drops a waiting report whose client hung up', async () => {
    start({ timeoutMs: 30_000 });
    const running = codeOf(service.summaryJson(query(HANG_DAY)));
    const hangUp = new AbortController();
    const waiting = [
      codeOf(service.summaryJson(good, hangUp.signal)),
      codeOf(service.summaryJson(good)),
      codeOf(service.export(good, 'csv')),
      codeOf(service.buildMissingPacks()),
    ];
    expect(service.waiting).toBe(4);
    expect(await codeOf(service.summaryJson(good))).toBe('report_busy');

    hangUp.abort();
    expect(await waiting[0]).toBe('reports_unavailable');
    expect(service.waiting).toBe(3);
    const fifth = codeOf(service.summaryJson(good));
    expect(service.waiting).toBe(4);

    // Closing ends the blocked thread and refuses what waits.
    await service.close();
    expect(await running).toBe('reports_unavailable');
    expect(await Promise.all([...waiting.slice(1), fifth])).toEqual([
      'reports_unavailable',
      'reports_unavailable',
      'reports_unavailable',
      'reports_unavailable',
    ]);
  });
});

describe('exports in the reports queue', () => {
  let f: ReportFixture;
  let service: ReportService;

  beforeEach(() => {
    f = buildReportFixture();
  });
  afterEach(async () => {
    await service.close();
    f.close();
  });

  test('moves the report thread’s JSON bytes on to the export thread as they are', async () => {
    service = new ReportService(f.repos, f.services.settings, f.clock, {
      thread: true,
      entries: { export: ECHO_EXPORT },
    });
    const json = await service.summaryJson(good);
    const file = await service.export(good, 'pdf');
    expect(JSON.parse(file.body.toString('utf8'))).toEqual({
      type: 'Uint8Array',
      length: json.byteLength,
    });
  });

  test('an export thread that exits answers reports_unavailable; the report thread lives on', async () => {
    service = new ReportService(f.repos, f.services.settings, f.clock, {
      thread: true,
      entries: { export: EXITING },
    });
    expect(await codeOf(service.export(good, 'csv'))).toBe('reports_unavailable');
    expect(await codeOf(service.export(good, 'csv'))).toBe('reports_unavailable');
    expect((await service.summary(good)).to).toBe(REPORT_TO);
  });
});
