import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintJob, PrinterStatusReport, PrinterView } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { closedPort, startFakePrinter, type FakePrinter } from '../../support/fake-printer';
import { RecordingSocket } from '../../support/socket-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { pairDevice, sessionCookie } from '../security/support';

/** `GS v 0`: the start of every raster band. */
const RASTER_START = Buffer.of(0x1d, 0x76, 0x30);
const MAX_ATTEMPTS = 3;

describe('the print queue, against a fake network printer', () => {
  let server: TestServer;
  let admin: ApiClient;
  let watcher: RecordingSocket;
  const printers: FakePrinter[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      printing: {
        maxAttempts: MAX_ATTEMPTS,
        retryBaseMs: 10,
        retryMaxMs: 40,
        statusTimeoutMs: 100,
        connectTimeoutMs: 300,
        writeTimeoutMs: 500,
        agentTimeoutMs: 500,
      },
    });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    watcher = new RecordingSocket(server.url, [], ['printer:status']);
    await watcher.waitFor(() => watcher.snapshots.length > 0);
  });

  afterAll(async () => {
    watcher.close();
    await server.stop();
    await Promise.all(printers.map((p) => p.close()));
  });

  async function fake(mode: Parameters<typeof startFakePrinter>[0]): Promise<FakePrinter> {
    const printer = await startFakePrinter(mode);
    printers.push(printer);
    return printer;
  }

  /** Adds a printer as the admin; the newest default printer replaces the previous one. */
  async function addPrinter(target: string, extra: object = { isDefault: true }) {
    const response = await admin.post<PrinterView>('/api/printers', {
      name: 'Máy in sảnh',
      target,
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** The images are staff's: a session of the admin account. */
  const adminCookie = () =>
    sessionCookie(server, server.server.application.repos.staff.byUsername('admin')?.id ?? 0);

  async function jobsOf(ticketId: number): Promise<PrintJob[]> {
    const response = await admin.get<PrintJob[]>('/api/print-jobs');
    return response.body.filter((job) => job.ticketId === ticketId);
  }

  /** Resolves once the ticket's newest job is done, failed or cancelled. */
  function settled(ticketId: number, timeoutMs = 5000): Promise<PrintJob> {
    return eventually(
      async () => {
        const [job] = await jobsOf(ticketId);
        return job && ['done', 'failed', 'cancelled'].includes(job.status) && job;
      },
      { timeoutMs, what: `the job of ticket ${ticketId} to settle` },
    );
  }

  const statusOf = (printerId: number) =>
    watcher.notices
      .filter((n) => n.type === 'printer:status')
      .map((n) => n.payload as PrinterStatusReport)
      .filter((report) => report.printerId === printerId);

  async function sawState(printerId: number, state: string): Promise<void> {
    await watcher.waitFor(() => statusOf(printerId).some((r) => r.state === state));
  }

  const issue = () => new ApiClient(server.url).issue(1);

  test('issues without a print job when no printer is configured', async () => {
    const { ticket } = await issue();
    expect(await jobsOf(ticket.id)).toEqual([]);
  });

  test('prints a kiosk ticket through the queue to the default printer', async () => {
    const device = await fake('ok');
    const printer = await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const { ticket } = await issue();
    const job = await settled(ticket.id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, printerId: printer.id });
    expect(device.received().includes(RASTER_START)).toBe(true);
    await sawState(printer.id, 'online');
  });

  test.each([
    ['paper-end', 'paper_end'],
    ['cover-open', 'cover_open'],
  ] as const)('%s fails the job after every attempt and warns kiosks', async (mode, state) => {
    const device = await fake(mode);
    const printer = await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const { ticket } = await issue();
    const job = await settled(ticket.id);
    expect(job).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(job.lastError).toContain(state);
    expect(device.received().length).toBe(0);
    await sawState(printer.id, state);
  });

  test('a printer that never answers status still prints, with status unknown', async () => {
    const device = await fake('silent');
    const printer = await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const { ticket } = await issue();
    expect(await settled(ticket.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(device.received().includes(RASTER_START)).toBe(true);
    await sawState(printer.id, 'unknown');
  });

  test('a refused connection retries, fails, and issuing still answers 201', async () => {
    const printer = await addPrinter(`tcp://127.0.0.1:${await closedPort()}`);
    const response = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
    );
    expect(response.status).toBe(201);
    const job = await settled(response.body.ticket.id);
    expect(job).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(job.lastError).toContain('connect_refused');
    await sawState(printer.id, 'unreachable');
  });

  test('?status=failed&inQueue=true&latest=true lists the tickets in the queue whose print failed', async () => {
    // Arrange: two tickets whose printing failed; the first is then served and finished.
    await addPrinter(`tcp://127.0.0.1:${await closedPort()}`);
    const served = await issue();
    const waiting = await issue();
    await settled(served.ticket.id);
    await settled(waiting.ticket.id);
    // Calls go to a counter someone holds: the admin takes counter 1 for this one visitor.
    expect((await admin.post('/api/counters/1/sign-in')).status).toBe(200);
    const call = await admin.post<{ ticket: { id: number } }>('/api/counters/1/call', {
      ticketId: served.ticket.id,
    });
    expect(call.status).toBe(200);
    expect((await admin.post('/api/counters/1/start')).status).toBe(200);
    expect((await admin.post('/api/counters/1/finish')).status).toBe(200);
    expect((await admin.post('/api/counters/1/sign-out')).status).toBe(200);

    const reprinted = await issue();
    await settled(reprinted.ticket.id);
    const device = await fake('ok');
    const good = await addPrinter(`tcp://127.0.0.1:${device.port}`, { isDefault: false });
    const reprint = await admin.post(`/api/tickets/${reprinted.ticket.id}/reprint`, {
      printerId: good.id,
    });
    expect(reprint.status).toBe(201);
    expect(await settled(reprinted.ticket.id)).toMatchObject({ status: 'done' });

    // Act
    const all = await admin.get<PrintJob[]>('/api/print-jobs?status=failed');
    const inQueue = await admin.get<PrintJob[]>('/api/print-jobs?status=failed&inQueue=true');
    const latest = await admin.get<PrintJob[]>(
      '/api/print-jobs?status=failed&inQueue=true&latest=true',
    );
    const bad = await admin.get('/api/print-jobs?inQueue=yes');

    // Assert
    const numbers = (jobs: PrintJob[]) => jobs.map((job) => job.ticketNumber);
    expect(numbers(all.body)).toEqual(
      expect.arrayContaining([served.ticket.number, waiting.ticket.number]),
    );
    expect(numbers(inQueue.body)).toContain(waiting.ticket.number);
    expect(numbers(inQueue.body)).not.toContain(served.ticket.number);
    expect(inQueue.body.every((job) => job.status === 'failed')).toBe(true);
    expect(numbers(inQueue.body)).toContain(reprinted.ticket.number);
    expect(numbers(latest.body)).toContain(waiting.ticket.number);
    expect(numbers(latest.body)).not.toContain(reprinted.ticket.number);
    expect(bad.status).toBe(400);
  });

  test('a printer that stops reading never delays issuing', async () => {
    const device = await fake('stall');
    await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const started = Date.now();
    const { ticket } = await issue();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ticket.number).toMatch(/^A/);
    // The kernel may take a small job before the printer stops; either way the job settles.
    expect(['done', 'failed']).toContain((await settled(ticket.id)).status);
  });

  test('a connection dropped mid-job retries; a reprint prints once the printer is back', async () => {
    const device = await fake('drop');
    const printer = await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const { ticket } = await issue();
    const failed = await settled(ticket.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toMatch(/connection_lost|write_timeout|io_error/);
    await sawState(printer.id, 'unreachable');

    device.setMode('ok');
    const reprint = await admin.post<PrintJob>(`/api/tickets/${ticket.id}/reprint`, {});
    expect(reprint.status).toBe(201);
    expect(reprint.body.id).not.toBe(failed.id);
    const done = await settled(ticket.id);
    expect(done).toMatchObject({ id: reprint.body.id, status: 'done', attempts: 1 });
    await sawState(printer.id, 'online');
  });

  test('a paired kiosk prints on its own printer, not the default one', async () => {
    const own = await fake('ok');
    const hall = await fake('ok');
    await addPrinter(`tcp://127.0.0.1:${hall.port}`);
    const kiosk = await pairDevice(server, admin, 'kiosk', 'Kiosk tầng 1');
    const printer = await addPrinter(`tcp://127.0.0.1:${own.port}`, { deviceId: kiosk.id });
    const response = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
      { authorization: `Device ${kiosk.token}` },
    );
    expect(response.status).toBe(201);
    expect(await settled(response.body.ticket.id)).toMatchObject({
      status: 'done',
      printerId: printer.id,
    });
    expect(own.received().includes(RASTER_START)).toBe(true);
    expect(hall.received().length).toBe(0);
  });

  test('GET /api/printers/:id/status asks the printer now', async () => {
    const device = await fake('paper-near-end');
    const printer = await addPrinter(`tcp://127.0.0.1:${device.port}`);
    const response = await admin.get<PrinterStatusReport>(`/api/printers/${printer.id}/status`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ printerId: printer.id, state: 'paper_near_end' });
  });

  test('unknown printers and bad input answer with clear codes', async () => {
    const missing = await admin.get(`/api/printers/999999/status`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'printer_not_found' } });
    const bad = await admin.post('/api/printers', { name: 'x', target: 'ftp://printer' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
    const { ticket } = await issue();
    const reprint = await admin.post(`/api/tickets/${ticket.id}/reprint`, { printerId: 999999 });
    expect(reprint.body).toMatchObject({ error: { code: 'printer_not_found' } });
  });

  test('PATCH and DELETE change and remove a printer', async () => {
    const printer = await addPrinter(`spool:${server.dataDir}/unused`, { isDefault: false });
    const patched = await admin.request<PrinterView>('PATCH', `/api/printers/${printer.id}`, {
      body: { name: 'Máy in quầy 3', options: { width: 384 } },
    });
    expect(patched.body).toMatchObject({ name: 'Máy in quầy 3', options: { width: 384 } });
    const removed = await admin.request('DELETE', `/api/printers/${printer.id}`);
    expect(removed.status).toBe(204);
    const list = await admin.get<PrinterView[]>('/api/printers');
    expect(list.body.some((p) => p.id === printer.id)).toBe(false);
  });

  test('print.pdf carries the number and the service in Vietnamese', async () => {
    const { ticket } = await issue();
    const response = await fetch(`${server.url}/api/tickets/${ticket.id}/print.pdf`, {
      headers: { cookie: adminCookie() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
    const file = path.join(server.dataDir, 'ticket.pdf');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    expect(text).toContain(ticket.number);
    expect(text.normalize('NFC')).toContain('Đăng ký kinh doanh');
  });

  test('print.png is a PNG image', async () => {
    const { ticket } = await issue();
    const response = await fetch(`${server.url}/api/tickets/${ticket.id}/print.png`, {
      headers: { cookie: adminCookie() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });
});
