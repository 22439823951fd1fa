import type { PrintJob } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { expectStatus, issue, SERVICE } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A ticket printed late (the printer was out of paper) shows the people ahead the visitor
 * saw at the kiosk; a reprint shows the queue as it stands at the reprint. The printer
 * prints in ASCII mode, so the figures can be read from the bytes it received.
 */
describe('the figures a printed ticket shows', () => {
  let server: TestServer;
  let admin: ApiClient;
  let device: FakePrinter;

  beforeAll(async () => {
    server = await startTestServer({
      printing: { maxAttempts: 500, retryBaseMs: 5, retryMaxMs: 10, statusTimeoutMs: 200 },
    });
    // The admin calls at counter 1 as a supervisor would: someone must hold it.
    staffCounters(server, [1]);
    ({ device, admin } = await addFakePrinter(server, 'paper-end', { options: { mode: 'ascii' } }));
  });

  afterAll(async () => {
    await server.stop();
    await device.close();
  });

  function settledJobs(ticketId: number, count: number): Promise<PrintJob[]> {
    return eventually(
      async () => {
        const jobs = expectStatus(await admin.get<PrintJob[]>('/api/print-jobs'), 200).filter(
          (job) => job.ticketId === ticketId,
        );
        return jobs.length >= count && jobs.every((job) => job.status === 'done') && jobs;
      },
      { timeoutMs: 10_000, what: `${count} printed jobs of ticket ${ticketId}` },
    );
  }

  /** The lines "So nguoi cho truoc ban: N" in the printed bytes, in print order. */
  function aheadLines(): string[] {
    return (
      device
        .received()
        .toString('latin1')
        .match(/So nguoi cho truoc ban: \d+/g) ?? []
    );
  }

  test('a late print keeps the issue-time figures; a reprint shows the current ones', async () => {
    // Arrange: two tickets while the printer is out of paper; the second has one ahead.
    const first = await issue(new ApiClient(server.url), SERVICE.DKKD);
    const second = await issue(new ApiClient(server.url), SERVICE.DKKD);
    expect(second.ahead).toBe(1);

    // Act: the first is called before the paper is changed, then the second is reprinted.
    expectStatus(await admin.post('/api/counters/1/call-next'), 200);
    device.setMode('ok');
    await settledJobs(first.ticket.id, 1);
    await settledJobs(second.ticket.id, 1);
    // (Under the test's frozen clock the two jobs' retries may finish in either order.)
    const printedLate = aheadLines().sort();
    expectStatus(await admin.post(`/api/tickets/${second.ticket.id}/reprint`), 201);
    await settledJobs(second.ticket.id, 2);

    // Assert: both tickets printed with what the kiosk showed; the reprint says 0 ahead.
    expect(printedLate).toEqual(['So nguoi cho truoc ban: 0', 'So nguoi cho truoc ban: 1']);
    expect(aheadLines().slice(2)).toEqual(['So nguoi cho truoc ban: 0']);
  }, 30_000);
});
