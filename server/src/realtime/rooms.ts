import type { Server } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';

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

/** Whether a socket may see staff-only ticket fields: it is in the `staff` room. */
export function seesStaffFields(socket: { rooms: ReadonlySet<string> }): boolean {
  return socket.rooms.has(ROOMS.staff);
}

/** Emits a server event to one room only. */
export function emitToRoom<K extends keyof ServerEvents>(
  io: Server<ClientEvents, ServerEvents>,
  room: string,
  event: K,
  ...args: Parameters<ServerEvents[K]>
): void {
  // The event map types the call; socket.io cannot narrow a generic key itself.
  const target = io.to(room);
  const emit = target.emit.bind(target) as (name: string, ...rest: unknown[]) => boolean;
  emit(event, ...args);
}
