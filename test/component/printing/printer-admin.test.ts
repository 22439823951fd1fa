import type {
  Ack,
  AuditPage,
  PrintJob,
  PrinterRemoved,
  PrinterStatusReport,
  PrinterView,
  SyncResult,
} from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { closedPort, startFakePrinter } from '../../support/fake-printer';
import { RecordingSocket } from '../../support/socket-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { addStaff, openSocket, pairDevice, sessionCookie, signedIn } from '../security/support';

/**
 * Admins' printer changes reach every screen at once (`printer:status`, `printer:removed`)
 * or at the next `sync`, and land in the audit trail with who made them. The printers are
 * spool folders, so nothing here waits for a printer.
 */
describe('printer changes are announced and audited', () => {
  let server: TestServer;
  let admin: ApiClient;
  let screen: RecordingSocket;
  const sockets: RecordingSocket[] = [];
  /** Other things a test opened, closed after it whether it passed or not. */
  const cleanups: (() => unknown)[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    screen = new RecordingSocket(server.url, [], ['printer:status', 'printer:removed']);
    sockets.push(screen);
    await screen.waitFor(() => screen.snapshots.length > 0);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    await server.stop();
  });

  async function addPrinter(body: object): Promise<PrinterView> {
    const response = await admin.post<PrinterView>('/api/printers', {
      name: 'Máy in sảnh',
      target: `spool:${server.dataDir}/spool`,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function patch(id: number, body: object): Promise<PrinterView> {
    const response = await admin.request<PrinterView>('PATCH', `/api/printers/${id}`, { body });
    expect(response.status).toBe(200);
    return response.body;
  }

  /** The notices after `from`, as `type printerId name isDefault` lines. */
  function noticesSince(from: number): string[] {
    return screen.notices.slice(from).map(({ type, payload }) => {
      if (type === 'printer:removed') return `removed ${(payload as PrinterRemoved).printerId}`;
      const report = payload as PrinterStatusReport;
      return `status ${report.printerId} ${report.name} ${report.isDefault ? 'default' : '-'}`;
    });
  }

  /** Waits for `count` notices, then for a round trip, so that a stray one would be seen. */
  async function settle(count: number): Promise<void> {
    await screen.waitFor(() => screen.notices.length >= count);
    await screen.roundTrip();
  }

  test('create, edit, deactivate and delete each tell every screen what changed', async () => {
    // Act / Assert: a new printer appears as unknown, never seen.
    const lobby = await addPrinter({ isDefault: true });
    await settle(1);
    expect(screen.notices[0]?.payload).toEqual({
      printerId: lobby.id,
      name: 'Máy in sảnh',
      deviceId: null,
      isDefault: true,
      state: 'unknown',
      at: null,
    });

    // A second default printer: the first one loses the flag, and screens learn both.
    const upstairs = await addPrinter({ name: 'Máy in tầng 2', isDefault: true });
    await settle(3);
    expect(noticesSince(1).sort()).toEqual([
      `status ${lobby.id} Máy in sảnh -`,
      `status ${upstairs.id} Máy in tầng 2 default`,
    ]);

    // A rename is announced; a change screens do not show (the options) is not.
    await patch(lobby.id, { name: 'Máy in quầy 1' });
    await patch(lobby.id, { options: { width: 384 } });
    await settle(4);
    expect(noticesSince(3)).toEqual([`status ${lobby.id} Máy in quầy 1 -`]);

    // Deactivated or deleted, a printer leaves the screens' lists; reactivated, it is back.
    await patch(lobby.id, { active: false });
    await settle(5);
    await patch(lobby.id, { active: true });
    await settle(6);
    expect((await admin.request('DELETE', `/api/printers/${upstairs.id}`)).status).toBe(204);
    await settle(7);
    expect(noticesSince(4)).toEqual([
      `removed ${lobby.id}`,
      `status ${lobby.id} Máy in quầy 1 -`,
      `removed ${upstairs.id}`,
    ]);

    // An inactive printer is no screen's business.
    await addPrinter({ name: 'Máy in dự phòng', active: false });
    await settle(7);
    expect(screen.notices).toHaveLength(7);
  });

  test('deactivating or deleting a printer tells staff each queued job it cancelled', async () => {
    // Arrange: two printers nobody answers at, each with a job waiting for its retry.
    const port = await closedPort();
    const target = `tcp://127.0.0.1:${port}`;
    const lobby = await addPrinter({ isDefault: true, target });
    const adminId = server.server.application.repos.staff.byUsername(server.adminUsername)!.id;
    const staff = await openSocket(server.url, { cookie: sessionCookie(server, adminId) });
    cleanups.push(() => staff.close());
    const updates: PrintJob[] = [];
    staff.on('print-job:updated', (job: PrintJob) => updates.push(job));
    const first = await new ApiClient(server.url).issue(1);
    const waiting = (ticketId: number) => () =>
      updates.some((j) => j.ticketId === ticketId && j.status === 'queued' && j.attempts === 1);
    await eventually(waiting(first.ticket.id), { what: 'the first job to wait for a retry' });
    const spare = await addPrinter({ name: 'Máy in dự phòng', isDefault: true, target });
    const second = await new ApiClient(server.url).issue(1);
    await eventually(waiting(second.ticket.id), { what: 'the second job to wait for a retry' });

    // Act
    await patch(lobby.id, { active: false });
    expect((await admin.request('DELETE', `/api/printers/${spare.id}`)).status).toBe(204);

    // Assert: staff hear of both cancellations, with the tickets' numbers.
    const cancelled = () => updates.filter((j) => j.status === 'cancelled');
    await eventually(() => cancelled().length === 2, { what: 'both cancellations' });
    expect(cancelled().map((j) => [j.ticketNumber, j.printerId])).toEqual([
      [first.ticket.number, lobby.id],
      [second.ticket.number, spare.id],
    ]);
  });

  test('a new address forgets the old state and asks the printer at once', async () => {
    // Arrange: a printer whose old address never answered.
    const port = await closedPort();
    const lobby = await addPrinter({ isDefault: true, target: `tcp://127.0.0.1:${port}` });
    expect((await admin.get(`/api/printers/${lobby.id}/status`)).body).toMatchObject({
      state: 'unreachable',
    });
    const device = await startFakePrinter('paper-end');
    cleanups.push(() => device.close());
    const from = screen.notices.length;

    // Act
    const moved = await patch(lobby.id, { target: `tcp://127.0.0.1:${device.port}` });

    // Assert: at once unknown, then what the printer at the new address says.
    await screen.waitFor(() => noticesSince(from).length >= 2);
    expect(moved.status).toBeNull();
    const states = screen.notices.slice(from).map((n) => (n.payload as PrinterStatusReport).state);
    expect(states).toEqual(['unknown', 'paper_end']);
  });

  test('a screen that was offline gets the printers as they are now with its sync', async () => {
    // Arrange: two printers, then the screen goes away; an admin changes both meanwhile.
    const lobby = await addPrinter({ isDefault: true });
    const spare = await addPrinter({ name: 'Máy in dự phòng' });
    const away = new RecordingSocket(server.url, []);
    sockets.push(away);
    await away.waitFor(() => away.snapshots.length > 0);
    const seq = away.snapshots[0]!.seq;
    expect(away.snapshots[0]!.printers.map((p) => p.printerId)).toEqual([lobby.id, spare.id]);
    away.close();
    await patch(lobby.id, { name: 'Máy in quầy 1' });
    expect((await admin.request('DELETE', `/api/printers/${spare.id}`)).status).toBe(204);

    // Act
    const back = new RecordingSocket(server.url, []);
    sockets.push(back);
    await back.waitFor(() => back.snapshots.length > 0);
    const answer = (await back.socket
      .timeout(2000)
      .emitWithAck('sync', { sinceSeq: seq })) as Ack<SyncResult>;

    // Assert: no feed event was missed, but the printers are today's.
    expect(answer).toEqual({
      data: {
        kind: 'events',
        events: [],
        printers: [expect.objectContaining({ printerId: lobby.id, name: 'Máy in quầy 1' })],
      },
    });
  });

  test('a retried change with the same Idempotency-Key answers the first result once', async () => {
    // Arrange
    const body = { name: 'Máy in sảnh', target: `spool:${server.dataDir}/spool` };
    const headers = { 'idempotency-key': 'printer-create-1' };

    // Act
    const first = await admin.request<PrinterView>('POST', '/api/printers', { body, headers });
    const retry = await admin.request<PrinterView>('POST', '/api/printers', { body, headers });
    const other = await admin.request('POST', '/api/printers', {
      body: { ...body, name: 'Máy in khác' },
      headers,
    });

    // Assert
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(other.status).toBe(422);
    expect((await admin.get<PrinterView[]>('/api/printers')).body).toHaveLength(1);
    const audit = await admin.get<AuditPage>('/api/audit?limit=10');
    const created = audit.body.entries.filter((entry) => entry.action === 'printer.create');
    expect(created).toHaveLength(1);
  });

  test('printer changes and reprints are in the audit trail with who made them', async () => {
    // Arrange: a kiosk for a kiosk printer, and a clerk who reprints.
    const kiosk = await pairDevice(server, admin, 'kiosk', 'Ki-ốt tầng 1');
    await addStaff(server, 'canbo1', 'clerk');
    const clerk = await signedIn(server, 'canbo1');

    // Act
    const printer = await addPrinter({ isDefault: true });
    await patch(printer.id, { name: 'Máy in quầy 1', deviceId: kiosk.id, isDefault: false });
    const { ticket } = await new ApiClient(server.url).issue(1);
    const reprinted = await clerk.post<{ id: number }>(`/api/tickets/${ticket.id}/reprint`, {
      printerId: printer.id,
    });
    expect(reprinted.status).toBe(201);
    expect((await admin.request('DELETE', `/api/printers/${printer.id}`)).status).toBe(204);

    // Assert
    const page = await admin.get<AuditPage>('/api/audit?limit=10');
    const entries = page.body.entries
      .filter((entry) => entry.action.startsWith('printer.') || entry.action === 'ticket.reprint')
      .reverse();
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'printer.create',
        username: 'admin',
        target: `printer:${printer.id}`,
        details: {
          name: 'Máy in sảnh',
          target: `spool:${server.dataDir}/spool`,
          options: {},
          deviceId: null,
          isDefault: true,
          active: true,
        },
      }),
      expect.objectContaining({
        action: 'printer.update',
        username: 'admin',
        target: `printer:${printer.id}`,
        details: {
          name: { from: 'Máy in sảnh', to: 'Máy in quầy 1' },
          deviceId: { from: null, to: kiosk.id },
          isDefault: { from: true, to: false },
        },
      }),
      expect.objectContaining({
        action: 'ticket.reprint',
        username: 'canbo1',
        target: `ticket:${ticket.id}`,
        details: { printerId: printer.id, jobId: reprinted.body.id },
      }),
      expect.objectContaining({
        action: 'printer.delete',
        username: 'admin',
        target: `printer:${printer.id}`,
        details: {
          name: 'Máy in quầy 1',
          target: `spool:${server.dataDir}/spool`,
          deviceId: kiosk.id,
        },
      }),
    ]);
  });
});
