import type { Server } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';
import type { Audience } from '../services/queue/public-view';

/**
 * The rooms sockets join (realtime/socket-auth.ts decides who joins what). Feed
 * events still go to every socket; these let later features reach only some.
 */
export const ROOMS = {
  /** Every socket. */
  public: 'public',
  /** Signed-in staff whose password is settled. */
  staff: 'staff',
  /** Every socket of one staff member. */
  staffMember: (staffId: number) => `staff:${staffId}`,
  /** The sockets opened with one session (to disconnect them when it is revoked). */
  session: (sessionId: number) => `session:${sessionId}`,
  /** One paired device: its page and, for a kiosk, its print agents. */
  device: (deviceId: number) => `device:${deviceId}`,
  /** The print agents of one kiosk (handshake `role: 'print-agent'`); jobs go to one of them. */
  printAgent: (deviceId: number) => `print-agent:${deviceId}`,
} as const;

/** Per server: what drops sockets whose session has ended from the staff rooms (socket-auth.ts). */
const staffRoomKeepers = new WeakMap<object, () => void>();

/** Registers what `refreshStaffRoom` runs for this server. */
export function keepStaffRoom(io: Server<ClientEvents, ServerEvents>, keeper: () => void): void {
  staffRoomKeepers.set(io, keeper);
}

/**
 * Makes every socket whose session has ended by now (on the server clock) leave the
 * `staff` room. Run before anything is emitted to that room: a session ends at an
 * instant, not when its socket next sends something or its timer gets round to it.
 */
export function refreshStaffRoom(io: Server<ClientEvents, ServerEvents>): void {
  staffRoomKeepers.get(io)?.();
}

/** Whom a socket's snapshots and `sync` answers are for: staff when it is in the `staff` room. */
export function audienceOf(socket: { rooms: ReadonlySet<string> }): Audience {
  return socket.rooms.has(ROOMS.staff) ? 'staff' : 'public';
}
