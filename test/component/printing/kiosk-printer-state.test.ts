import type {
  PrintJob,
  PrinterStatusReport,
  PrinterView,
  StateSnapshot,
} from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer';
import { RecordingSocket } from '../../support/socket-client';
import { startTestServer, type TestServer } from '../../support/test-server';

describe('printer state reaches kiosks through the snapshot and printer:status', () => {
  let server: TestServer;
  let admin: ApiClient;
  let watcher: RecordingSocket;
  let device: FakePrinter;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      printing: {
        maxAttempts: 2,
        retryBaseMs: 10,
        retryMaxMs: 20,
        statusTimeoutMs: 100,
        connectTimeoutMs: 300,
        writeTimeoutMs: 500,
        agentTimeoutMs: 500,
      },
    });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    device = await startFakePrinter('paper-end');
    watcher = new RecordingSocket(server.url, [], ['printer:status']);
    sockets.push(watcher);
    await watcher.waitFor(() => watcher.snapshots.length > 0);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await server.stop();
    await device.close();
  });

  const state = async () => (await new ApiClient(server.url).get<StateSnapshot>('/api/state')).body;

  const reportsOf = (printerId: number) =>
    watcher.notices
      .filter((n) => n.type === 'printer:status')
      .map((n) => n.payload as PrinterStatusReport)
      .filter((report) => report.printerId === printerId);

  async function jobFailed(ticketId: number): Promise<void> {
    await eventually(
      async () => {
        const jobs = (await admin.get<PrintJob[]>('/api/print-jobs')).body;
        return jobs.some((job) => job.ticketId === ticketId && job.status === 'failed');
      },
      { what: `the job of ticket ${ticketId} to fail` },
    );
  }

  test('a new printer is in the snapshot as unknown; a print in paper end reports it everywhere', async () => {
    expect((await state()).printers).toEqual([]);
    const created = await admin.post<PrinterView>('/api/printers', {
      name: 'Máy in sảnh',
      target: `tcp://127.0.0.1:${device.port}`,
      isDefault: true,
    });
    expect(created.status).toBe(201);
    const printer = created.body;

    expect((await state()).printers).toEqual([
      {
        printerId: printer.id,
        name: 'Máy in sảnh',
        deviceId: null,
        isDefault: true,
        state: 'unknown',
        at: null,
      },
    ]);

    // Issuing answers 201 whatever the printer says; the worker then finds the paper out.
    const { ticket } = await new ApiClient(server.url).issue(1);
    expect(ticket.number).toMatch(/\d/);
    await watcher.waitFor(() => reportsOf(printer.id).some((r) => r.state === 'paper_end'));
    const live = reportsOf(printer.id).find((r) => r.state === 'paper_end')!;
    expect(live).toMatchObject({
      printerId: printer.id,
      name: 'Máy in sảnh',
      deviceId: null,
      isDefault: true,
    });
    expect(typeof live.at).toBe('string');

    // Once the job gave up no report follows; then the stored state is the last report,
    // in the same shape in GET /api/state and in a fresh socket's snapshot, so a UI merges them.
    await jobFailed(ticket.id);
    const latest = reportsOf(printer.id).at(-1)!;
    const [entry] = (await state()).printers;
    expect(entry).toEqual(latest);
    expect(Object.keys(entry!).sort()).toEqual(Object.keys(live).sort());

    const kiosk = new RecordingSocket(server.url, []);
    sockets.push(kiosk);
    await kiosk.waitFor(() => kiosk.snapshots.length > 0);
    expect(kiosk.snapshots[0]!.printers).toEqual([latest]);
  });

  test('paper near end is reported as such, and an inactive printer leaves the snapshot', async () => {
    const [entry] = (await state()).printers;
    const printerId = entry!.printerId;
    device.setMode('paper-near-end');
    const checked = await admin.get<PrinterStatusReport>(`/api/printers/${printerId}/status`);
    expect(checked.status).toBe(200);
    expect(checked.body.state).toBe('paper_near_end');
    // The anonymous snapshot has the state; why (the admin's `detail`) is staff's alone.
    const { detail, ...shown } = checked.body;
    expect(detail).toBeNull();
    expect((await state()).printers[0]).toEqual(shown);

    const patched = await admin.request<PrinterView>('PATCH', `/api/printers/${printerId}`, {
      body: { active: false },
    });
    expect(patched.status).toBe(200);
    expect((await state()).printers).toEqual([]);
  });
});
