import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorBody, PrintJob, PrinterView } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { startTestServer, type TestServer } from '../../support/test-server';

const ORIGINAL = 'precious data\n';

/**
 * A printer target is a printer: `file:`/`serial:` a character device, `spool:` a folder
 * inside the data folder. Anything else is refused when saved (422) and when printed, so
 * an admin session cannot be turned into "overwrite any file the server can write".
 */
describe('printer targets', () => {
  let server: TestServer;
  let admin: ApiClient;
  let outside: string;
  let victim: string;

  beforeEach(async () => {
    server = await startTestServer({
      printing: { maxAttempts: 1, statusTimeoutMs: 100, writeTimeoutMs: 1000 },
    });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-outside-'));
    victim = path.join(outside, 'victim.txt');
    fs.writeFileSync(victim, ORIGINAL);
  });

  afterEach(async () => {
    await server.stop();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const post = (target: string) =>
    admin.post<PrinterView & ErrorBody>('/api/printers', {
      name: 'Máy in sảnh',
      target,
      isDefault: true,
    });

  async function added(target: string): Promise<PrinterView> {
    const response = await post(target);
    expect(response.status).toBe(201);
    return response.body;
  }

  /** Issues a ticket anonymously and waits until its print job ends. */
  async function printTicket(): Promise<PrintJob> {
    const issued = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
    );
    expect(issued.status).toBe(201);
    return eventually(
      async () => {
        const jobs = await admin.get<PrintJob[]>('/api/print-jobs');
        const job = jobs.body.find((j) => j.ticketId === issued.body.ticket.id);
        return job && ['done', 'failed', 'cancelled'].includes(job.status) && job;
      },
      { what: 'the print job to end' },
    );
  }

  test.each([
    ['a regular file', () => `file:${victim}`],
    ['a regular file as a serial port', () => `serial:${victim}?baud=9600`],
    ['a missing device', () => `file:${outside}/no-such-device`],
    ['a folder as a device', () => `file:${outside}`],
    ['a spool folder outside the data folder', () => `spool:${outside}/spool`],
    ['the data folder itself as a spool', () => `spool:${server.dataDir}`],
    ['a spool path climbing out of the data folder', () => `spool:${server.dataDir}/../x`],
  ])('refuse %s with 422 invalid_printer_target', async (_name, target) => {
    const response = await post(target());

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_printer_target');
    expect((await admin.get<PrinterView[]>('/api/printers')).body).toEqual([]);
    expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
  });

  test.each(['/dev/kmsg', '/dev/tty', '/dev/full', '/dev/zero', '/dev/tty0'])(
    'refuse the character device %s, which is no printer, listing what is allowed',
    async (device) => {
      const response = await post(`file:${device}`);

      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('invalid_printer_target');
      expect(response.body.error.message).toContain('/dev/usb/lpN');
      expect((await admin.get<PrinterView[]>('/api/printers')).body).toEqual([]);
    },
  );

  test('refuse a serial target that is a printer device but no serial port', async () => {
    const response = await post('serial:/dev/null?baud=9600');

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_printer_target');
    expect(response.body.error.message).toContain('/dev/ttyUSBN');
  });

  test('accept /dev/null, the printer that prints nowhere, and a link to it', async () => {
    const link = path.join(outside, 'lp0');
    fs.symlinkSync('/dev/null', link);

    expect((await post('file:/dev/null')).status).toBe(201);
    expect((await post(`file:${link}`)).status).toBe(201);
  });

  test('refuse a link to a character device that is no printer', async () => {
    const link = path.join(outside, 'lp0');
    fs.symlinkSync('/dev/full', link);

    const response = await post(`file:${link}`);

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_printer_target');
    expect((await admin.get<PrinterView[]>('/api/printers')).body).toEqual([]);
  });

  test('refuse a spool folder in the data folder that links outside it', async () => {
    fs.symlinkSync(outside, path.join(server.dataDir, 'spool'));

    const response = await post(`spool:${server.dataDir}/spool/tickets`);

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_printer_target');
  });

  test('refuse a patch that points a printer at a file, and leave the file alone', async () => {
    const printer = await added('file:/dev/null');

    const response = await admin.request<ErrorBody>('PATCH', `/api/printers/${printer.id}`, {
      body: { target: `file:${victim}` },
    });

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_printer_target');
    expect((await admin.get<PrinterView[]>('/api/printers')).body[0]?.target).toBe(
      'file:/dev/null',
    );
    expect((await printTicket()).status).toBe('done');
    expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
  });

  test('print to a character device, and to a spool folder inside the data folder', async () => {
    await added('file:/dev/null');
    expect((await printTicket()).status).toBe('done');

    await added(`spool:${server.dataDir}/spool`);
    expect((await printTicket()).status).toBe('done');
    expect(fs.readdirSync(path.join(server.dataDir, 'spool'))).toHaveLength(1);
  });

  test('a file target saved before the check prints nothing, and can still be switched off', async () => {
    // Arrange: a printer an older version accepted, straight in the database.
    const { repos } = server.server.application;
    const legacy = repos.printers.insert(
      {
        name: 'Máy in cũ',
        target: `file:${victim}`,
        options: {},
        deviceId: null,
        isDefault: true,
        active: true,
      },
      0,
    );

    const job = await printTicket();
    const off = await admin.request<PrinterView>('PATCH', `/api/printers/${legacy}`, {
      body: { active: false },
    });

    expect(job).toMatchObject({ status: 'failed', printerId: legacy });
    expect(job.lastError).toContain('invalid_target');
    expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
  });

  test('refuse to print when a device link is swapped for a file after it was saved', async () => {
    const link = path.join(server.dataDir, 'lp0');
    fs.symlinkSync('/dev/null', link);
    await added(`file:${link}`);
    fs.rmSync(link);
    fs.symlinkSync(victim, link);

    const job = await printTicket();

    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('invalid_target');
    expect(fs.readFileSync(victim, 'utf8')).toBe(ORIGINAL);
  });

  test('refuse to print when a device link is swapped for another device after it was saved', async () => {
    const link = path.join(server.dataDir, 'lp0');
    fs.symlinkSync('/dev/null', link);
    await added(`file:${link}`);
    fs.rmSync(link);
    fs.symlinkSync('/dev/zero', link);

    const job = await printTicket();

    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('invalid_target');
  });

  test('refuse to print when a spool folder is swapped for a link after it was saved', async () => {
    const spool = path.join(server.dataDir, 'spool');
    fs.mkdirSync(spool);
    await added(`spool:${spool}`);
    fs.rmdirSync(spool);
    fs.symlinkSync(outside, spool);

    const job = await printTicket();

    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('invalid_target');
    expect(fs.readdirSync(outside)).toEqual(['victim.txt']);
  });
});
