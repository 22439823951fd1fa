import http from 'node:http';
import path from 'node:path';
import { ReportService } from '../../../server/src/services/reports/report-service';
import { buildReportFixture, REPORT_FROM, REPORT_TO } from '../../support/report-fixture';
import { startTestServer, type TestServer } from '../../support/test-server';

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

  describe('through the real server', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server.stop());

    test('a request counts while it is served, and stops counting when its client hangs up', async () => {
      const live = server.server.application.reports.liveWork;
      expect(live.running).toBe(0);
      // A ticket request whose body never arrives in full: served (waiting for it) until cut.
      const request = http.request(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '100' },
      });
      request.on('error', () => undefined);
      request.write('{"serviceId":');
      await until(() => live.running, 1);
      request.destroy();
      await until(() => live.running, 0);
    });
  });
});
