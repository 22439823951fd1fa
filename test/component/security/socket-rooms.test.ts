import type { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import type { Application } from '../../../server/src/app';
import type { ClientEvents, ServerEvents } from '../../../server/src/contract';
import { SESSION_COOKIE } from '../../../server/src/contract/http';
import { emitToRoom } from '../../../server/src/realtime/broadcaster';
import { ROOMS } from '../../../server/src/realtime/rooms';
import { openSocket, startOwnApplication, type OwnApplication } from './support';

const admin = { staffId: 1, username: 'admin', ip: null };

describe('Socket.IO rooms', () => {
  let own: OwnApplication;
  let application: Application;
  let io: Server<ClientEvents, ServerEvents>;
  let url: string;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    own = await startOwnApplication();
    ({ application, io, url } = own);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await own.close();
  });

  async function connect(options: { staffId?: number; deviceToken?: string } = {}) {
    const cookie =
      options.staffId === undefined
        ? undefined
        : `${SESSION_COOKIE}=${application.auth.openSession(options.staffId).token}`;
    const socket = await openSocket(url, {
      ...(cookie && { cookie }),
      ...(options.deviceToken && { deviceToken: options.deviceToken }),
    });
    sockets.push(socket);
    const received: string[] = [];
    socket.on('queue:snapshot', (snapshot) => received.push(String(snapshot.seq)));
    return { socket, received, cookie };
  }

  /** Emits a marker snapshot to a room and returns who got it, after a round trip to each. */
  async function reach(room: string, ...clients: { socket: Socket; received: string[] }[]) {
    const marker = 9000 + Math.floor(Math.random() * 999);
    const snapshot = { ...application.reader.snapshot(), seq: marker };
    emitToRoom(io, room, 'queue:snapshot', snapshot);
    for (const client of clients)
      await client.socket.timeout(5000).emitWithAck('sync', { sinceSeq: 0 });
    return clients.map((client) => client.received.includes(String(marker)));
  }

  function pairedDisplay(): { id: number; token: string } {
    const { devices } = application;
    const request = devices.requestPairing('display', undefined, null);
    const device = devices.approve(request.code, 'Sảnh', admin);
    const collected = devices.poll(request.requestId);
    if (collected.status !== 'paired') throw new Error('not paired');
    return { id: device.id, token: collected.token };
  }

  function addClerk(username: string, mustChangePassword = false): number {
    return application.repos.staff.insert(
      { username, displayName: username, role: 'clerk', passwordHash: 'x', mustChangePassword },
      0,
    );
  }

  test('everyone is in public; staff in staff; a device in its own room', async () => {
    const anonymous = await connect();
    const clerk = await connect({ staffId: addClerk('lan') });
    const newcomer = await connect({ staffId: addClerk('moi', true) });
    const display = pairedDisplay();
    const screen = await connect({ deviceToken: display.token });
    const all = [anonymous, clerk, newcomer, screen];

    expect(await reach(ROOMS.public, ...all)).toEqual([true, true, true, true]);
    expect(await reach(ROOMS.staff, ...all)).toEqual([false, true, false, false]);
    expect(await reach(ROOMS.device(display.id), ...all)).toEqual([false, false, false, true]);
  });

  test('a signed-out socket leaves the staff rooms but stays connected', async () => {
    const lanId = addClerk('lan');
    const clerk = await connect({ staffId: lanId });
    application.auth.logout(clerk.cookie?.split('=')[1]);
    await clerk.socket.timeout(5000).emitWithAck('sync', { sinceSeq: 0 });

    expect(await reach(ROOMS.staff, clerk)).toEqual([false]);
    expect(await reach(ROOMS.staffMember(lanId), clerk)).toEqual([false]);
    expect(await reach(ROOMS.public, clerk)).toEqual([true]);
    expect(clerk.socket.connected).toBe(true);
  });

  test('a socket joins the staff room once its password has been changed', async () => {
    const id = addClerk('moi', true);
    const newcomer = await connect({ staffId: id });
    application.repos.staff.setPassword(id, 'y', false);
    await newcomer.socket.timeout(5000).emitWithAck('sync', { sinceSeq: 0 });
    expect(await reach(ROOMS.staff, newcomer)).toEqual([true]);
  });
});
