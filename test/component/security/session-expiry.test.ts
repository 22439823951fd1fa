import type { Socket } from 'socket.io-client';
import { SESSION_TTL_MS } from '../../../server/src/auth/auth-service';
import type { Ticket } from '../../../server/src/contract';
import { SESSION_COOKIE } from '../../../server/src/contract/http';
import { ROOMS } from '../../../server/src/realtime/rooms';
import { ApiClient } from '../../support/api-client';
import { act, issue, SERVICE, useQueueFixture } from '../../support/queue-helpers';
import { addStaff, openSocket, sessionCookie, startOwnApplication } from './support';

const NOTE = 'Thiếu bản sao CCCD, bổ sung tại quầy thuế';

/** A socket's `ticket:transferred` notes, in order, and a way to wait for a count of them. */
function transferNotes(socket: Socket): {
  notes: (string | null)[];
  count(n: number): Promise<void>;
} {
  const notes: (string | null)[] = [];
  const waiters: (() => void)[] = [];
  socket.on('ticket:transferred', (payload: { ticket: Ticket }) => {
    notes.push(payload.ticket.note);
    waiters.splice(0).forEach((wake) => wake());
  });
  const count = (n: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited for ${n} transfers`)), 5000);
      const check = () => {
        if (notes.length >= n) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  return { notes, count };
}

describe('a staff socket whose session expires', () => {
  const { f } = useQueueFixture();
  const sockets: Socket[] = [];

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  const socketOf = async (cookie: string): Promise<Socket> => {
    const socket = await openSocket(f.server.url, { cookie });
    sockets.push(socket);
    return socket;
  };

  test('gets transfer notes no more from the instant the session ends, without sending anything', async () => {
    // Arrange: a clerk's terminal on a session opened now sees a note; two tickets wait.
    const lanId = await addStaff(f.server, 'lan', 'clerk');
    const clerk = transferNotes(await socketOf(sessionCookie(f.server, lanId)));
    await issue(f.anonymous, SERVICE.DKKD);
    await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'sign-in');
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    await clerk.count(1);

    // Act: the clerk's session reaches its end on the server clock; an admin signed in
    // afresh transfers the next ticket with a note, watched by a staff socket of their own.
    f.clock.advance(SESSION_TTL_MS);
    const admin = new ApiClient(f.server.url);
    await admin.login(f.server.adminUsername, f.server.adminPassword);
    const adminId = f.server.server.application.repos.staff.byUsername('admin')!.id;
    const witness = transferNotes(await socketOf(sessionCookie(f.server, adminId)));
    await act(admin, 1, 'call-next');
    await act(admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });

    // Assert: the same event reached both; only the live session's socket saw the note.
    await Promise.all([clerk.count(2), witness.count(1)]);
    expect(witness.notes).toEqual([NOTE]);
    expect(clerk.notes).toEqual([NOTE, null]);
  });
});

describe('the end-of-session timer of a staff socket', () => {
  test('takes a quiet socket out of the staff room when the server clock reaches the end', async () => {
    // Arrange: an app of its own, so the test can watch the staff room itself.
    const own = await startOwnApplication();
    const { application, io, clock, url } = own;
    const session = application.auth.openSession(1);
    // 150 ms before the end, so the timer is due soon after the socket connects.
    clock.set(session.expiresAt - 150);
    const left = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the socket stayed in the staff room')),
        5000,
      );
      io.sockets.adapter.on('leave-room', (room: string, id: string) => {
        if (room !== ROOMS.staff) return;
        clearTimeout(timer);
        resolve(id);
      });
    });
    const socket = await openSocket(url, { cookie: `${SESSION_COOKIE}=${session.token}` });
    const joined = io.sockets.adapter.rooms.get(ROOMS.staff)?.has(socket.id ?? '') ?? false;

    try {
      // Act: the server clock reaches the end; nothing is sent or emitted.
      clock.set(session.expiresAt);

      // Assert: the socket that was in the staff room leaves it by itself.
      expect(joined).toBe(true);
      expect(await left).toBe(socket.id);
    } finally {
      socket.close();
      await own.close();
    }
  });
});
