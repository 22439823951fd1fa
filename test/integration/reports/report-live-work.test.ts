import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedHistory } from '../../../scripts/history/seed';
import { ReportService } from '../../../server/src/services/reports/report-service';
import { buildReportFixture, REPORT_FROM, REPORT_TO } from '../../support/report-fixture';
import {
  ManualClock,
  startTestServer,
  tempDataDir,
  type TestServer,
} from '../../support/test-server';

const LIVE_ECHO = path.join(__dirname, '../../support/threads/live-echo-report-thread.ts');

/** Waits (polling) until `read()` is `value`; fails after 5 s. */
async function until(read: () => number, value: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (read() !== value) {
    if (Date.now() > deadline) throw new Error(`still ${read()}, expected ${value}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The report thread steps aside for live requests (services/reports/live-work.ts): the
 * gauge it reads is the one the HTTP layer counts, shared with the thread, not a copy.
 */
describe('live requests and the report thread', () => {
  test('the report thread gets the service’s gauge, shared, as it reads now', async () => {
    const f = buildReportFixture();
    const service = new ReportService(f.repos, f.services.settings, f.clock, {
      thread: true,
      entries: { report: LIVE_ECHO },
    });
    try {
      const query = { from: REPORT_FROM, to: REPORT_TO, groupBy: 'service' as const };
      service.liveWork.begin();
      service.liveWork.begin();
      expect(JSON.parse((await service.summaryJson(query)).toString())).toEqual({
        shared: true,
        running: 2,
      });
      service.liveWork.end();
      service.liveWork.end();
      expect(JSON.parse((await service.summaryJson(query)).toString())).toEqual({
        shared: true,
        running: 0,
      });
    } finally {
      await service.close();
      f.close();
    }
  });

  describe('through the real server, over three months of history', () => {
    // 09:00 on 1 December 2026 in the demo centre's zone (UTC+7).
    const clock = new ManualClock(Date.UTC(2026, 11, 1, 2, 0, 0));
    let server: TestServer;
    const query = { from: '2026-09-01', to: '2026-11-30', groupBy: 'day' as const };

    beforeAll(async () => {
      const dataDir = tempDataDir();
      await seedHistory({
        databaseFile: path.join(dataDir, 'luot.db'),
        days: 91,
        end: '2026-11-30',
        seed: 'live-work',
        perDay: 300,
        now: clock.now(),
      });
      server = await startTestServer({ clock, dataDir });
    }, 60_000);
    afterAll(() => server.stop());

    test('a report steps aside while the queue is busy, and runs at full speed when it is not', async () => {
      const reports = server.server.application.reports;
      const live = reports.liveWork;
      const timed = async () => {
        const start = performance.now();
        await reports.summaryJson(query);
        return performance.now() - start;
      };
      await timed();
      const alone = Math.min(await timed(), await timed(), await timed());
      // A busy queue: one request always running, others beginning and ending beside it.
      live.begin();
      const traffic = setInterval(() => {
        live.begin();
        live.end();
      }, 5);
      let busy: number;
      try {
        busy = await timed();
      } finally {
        clearInterval(traffic);
        live.end();
      }
      // Ninety days of packs are tens of milliseconds of work: several 2 ms slices, each
      // followed by a 20 ms wait while the queue is busy.
      expect(busy).toBeGreaterThanOrEqual(alone + 60);
      expect(live.running).toBe(0);
    });

    test('pipelined requests cut off by their client stop counting', async () => {
      const live = server.server.application.reports.liveWork;
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      // Three requests in one write: the later responses wait in the server's queue.
      const page = 'GET /kiosk HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
      socket.write(page.repeat(3));
      await new Promise((resolve) => setTimeout(resolve, 1));
      socket.destroy();
      await until(() => live.running, 0);
    });
  });
});
