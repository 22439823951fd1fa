import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  PrinterStatusReport,
  PrinterView,
  StateSnapshot,
  SyncResult,
} from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { closedPort } from '../../support/fake-printer';
import { startTestServer, type TestServer } from '../../support/test-server';
import { pairDevice, sessionCookie } from '../security/support';

/** A socket and the snapshot and `printer:status` notices it received, in order. */
interface Screen {
  socket: Socket;
  snapshots: StateSnapshot[];
  statuses: PrinterStatusReport[];
}

/** Opens a socket with its listeners in place before it connects (the snapshot comes first). */
async function screen(
  server: TestServer,
  options: { cookie?: string; deviceToken?: string } = {},
): Promise<Screen> {
  const snapshots: StateSnapshot[] = [];
  const statuses: PrinterStatusReport[] = [];
  const socket = io(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: options.cookie === undefined ? {} : { cookie: options.cookie },
    auth: options.deviceToken === undefined ? {} : { deviceToken: options.deviceToken },
  });
  socket.on('queue:snapshot', (snapshot: StateSnapshot) => snapshots.push(snapshot));
  socket.on('printer:status', (report: PrinterStatusReport) => statuses.push(report));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, snapshots, statuses };
}

function sync(socket: Socket, sinceSeq: number): Promise<SyncResult> {
  return new Promise((resolve, reject) => {
    socket.emit('sync', { sinceSeq }, (answer: Ack<SyncResult>) =>
      'data' in answer ? resolve(answer.data) : reject(new Error(answer.error.code)),
    );
  });
}

/**
 * Why a printer is in its state ("connect_refused: tcp://10.0.0.5:9100 …") names hosts and
 * devices on the centre's network: staff see it, hall screens, kiosks and anyone else on
 * the LAN get the state code alone, live, in snapshots, in `sync` and over HTTP.
 */
describe('printer state details', () => {
  let server: TestServer;
  let admin: ApiClient;
  let cookie: string;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    server = await startTestServer({
      printing: { connectTimeoutMs: 300, statusTimeoutMs: 100 },
    });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const adminId = server.server.application.repos.staff.byUsername('admin')?.id ?? 0;
    cookie = sessionCookie(server, adminId);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await server.stop();
  });

  async function open(options: { cookie?: string; deviceToken?: string } = {}): Promise<Screen> {
    const opened = await screen(server, options);
    sockets.push(opened.socket);
    return opened;
  }

  /** Adds a printer nothing listens for, and has the server ask it (state `unreachable`). */
  async function unreachablePrinter(): Promise<number> {
    const port = await closedPort();
    const added = await admin.post<PrinterView>('/api/printers', {
      name: 'Máy in sảnh',
      target: `tcp://127.0.0.1:${port}`,
      isDefault: true,
    });
    expect(added.status).toBe(201);
    const checked = await admin.get<PrinterStatusReport>(`/api/printers/${added.body.id}/status`);
    expect(checked.body).toMatchObject({ state: 'unreachable' });
    expect(checked.body.detail).toContain(`127.0.0.1:${port}`);
    return added.body.id;
  }

  test('printer:status carries the detail to staff sockets only', async () => {
    const hall = await open();
    const kioskDevice = await pairDevice(server, admin, 'kiosk');
    const kiosk = await open({ deviceToken: kioskDevice.token });
    const staff = await open({ cookie });

    const printerId = await unreachablePrinter();

    const unreachable = (s: Screen) =>
      s.statuses.find((r) => r.printerId === printerId && r.state === 'unreachable');
    await eventually(() => [hall, kiosk, staff].every((s) => unreachable(s) !== undefined), {
      what: 'status',
    });
    expect(unreachable(staff)?.detail).toContain('connect_refused');
    for (const anonymous of [hall, kiosk]) {
      expect(unreachable(anonymous)).toEqual({
        printerId,
        name: 'Máy in sảnh',
        deviceId: null,
        isDefault: true,
        state: 'unreachable',
        at: expect.any(String),
      });
    }
  });

  test('snapshots, sync answers and GET /api/state carry the detail to staff only', async () => {
    const printerId = await unreachablePrinter();
    const hall = await open();
    const staff = await open({ cookie });
    await eventually(() => hall.snapshots.length > 0 && staff.snapshots.length > 0, {
      what: 'snapshots',
    });
    const seq = hall.snapshots[0]?.seq ?? 0;

    const printersOf = (list: readonly PrinterStatusReport[] | undefined) =>
      list?.find((p) => p.printerId === printerId);
    const views = async (s: Screen) => {
      const events = await sync(s.socket, seq);
      const snapshot = await sync(s.socket, seq + 1_000_000);
      return [
        printersOf(s.snapshots[0]?.printers),
        printersOf(events.kind === 'events' ? events.printers : undefined),
        printersOf(snapshot.kind === 'snapshot' ? snapshot.snapshot.printers : undefined),
      ];
    };
    const staffState = await admin.get<StateSnapshot>('/api/state');
    const publicState = await new ApiClient(server.url).get<StateSnapshot>('/api/state');

    const staffViews = [...(await views(staff)), printersOf(staffState.body.printers)];
    const publicViews = [...(await views(hall)), printersOf(publicState.body.printers)];
    for (const view of staffViews) {
      expect(view).toMatchObject({ state: 'unreachable', detail: expect.any(String) });
    }
    for (const view of publicViews) {
      expect(view).toMatchObject({ state: 'unreachable' });
      expect(view).not.toHaveProperty('detail');
    }
  });
});
