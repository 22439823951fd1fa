import type { Server } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';

const DEVICE_ROOM = /^device:([1-9][0-9]*)$/;

/** The ids of the paired devices with at least one socket open now (their `device:<id>` rooms). */
export function connectedDeviceIds(io: Server<ClientEvents, ServerEvents>): ReadonlySet<number> {
  const ids = new Set<number>();
  for (const [room, sockets] of io.of('/').adapter.rooms) {
    const match = DEVICE_ROOM.exec(room);
    if (match?.[1] !== undefined && sockets.size > 0) ids.add(Number(match[1]));
  }
  return ids;
}
