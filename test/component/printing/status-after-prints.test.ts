import type { PrintJob, PrinterStatusReport } from '../../../server/src/contract';
import { UNCHANGED_REFRESH_MS } from '../../../server/src/services/printing/printer-statuses';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { addFakePrinter, type ConfiguredPrinter } from '../../support/printer-setup';
import { RecordingSocket } from '../../support/socket-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';

/**
 * A busy printer costs no disk write or broadcast per ticket: after a print, its state is
 * stored and sent only when it changed, or when the last one is a minute old.
 */
describe('the printer state after each print', () => {
  const clock = new ManualClock();
  let server: TestServer;
  let configured: ConfiguredPrinter;
  let screen: RecordingSocket;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    configured = await addFakePrinter(server, 'ok');
    screen = new RecordingSocket(server.url, [], ['printer:status']);
    await screen.waitFor(() => screen.snapshots.length > 0);
  });

  afterAll(async () => {
    screen.close();
    await server.stop();
    await configured.device.close();
  });

  async function printOne(): Promise<void> {
    const { ticket } = await new ApiClient(server.url).issue(1);
    await eventually(
      async () => {
        const jobs = (await configured.admin.get<PrintJob[]>('/api/print-jobs')).body;
        return jobs.some((job) => job.ticketId === ticket.id && job.status === 'done');
      },
      { what: `ticket ${ticket.number} to print` },
    );
  }

  const states = () =>
    screen.notices.map((notice) => (notice.payload as PrinterStatusReport).state);

  test('is sent when it changes, not again while unchanged, and again after a minute', async () => {
    // Act / Assert: the first print finds the printer online: one report.
    await printOne();
    await screen.waitFor(() => states().length === 1);
    expect(states()).toEqual(['online']);

    // Two more prints in the same minute: nothing new.
    clock.advance(UNCHANGED_REFRESH_MS - 1000);
    await printOne();
    await printOne();

    // The paper runs low: sent at once; then a minute later, the same state again.
    configured.device.setMode('paper-near-end');
    await printOne();
    await screen.waitFor(() => states().length === 2);
    clock.advance(UNCHANGED_REFRESH_MS);
    await printOne();
    await screen.waitFor(() => states().length === 3);
    expect(states()).toEqual(['online', 'paper_near_end', 'paper_near_end']);
  });
});
