import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../../server/src/contract';
import { SERVER_EVENTS } from '../../server/src/contract/events';
import type { FeedWatch } from './feed-watch';

/**
 * A clerk's staff socket (the session cookie in the handshake, as a counter screen's
 * browser sends it): reports the waiting count of each service from the snapshot and from
 * every feed event that changes the queue. Resolves once connected. With a `watch` (the
 * stepped clock), the socket's feed seq is followed too.
 */
export async function openStaffSocket(
  url: string,
  cookie: string,
  onWaiting: (counts: [serviceId: number, waiting: number][]) => void,
  watch?: FeedWatch,
): Promise<Socket<ServerEvents, ClientEvents>> {
  const socket: Socket<ServerEvents, ClientEvents> = io(url, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie },
  });
  watch?.watch(socket);
  socket.on(SERVER_EVENTS.snapshot, (snapshot) =>
    onWaiting(snapshot.services.map((service) => [service.id, service.waiting])),
  );
  const onChange = (event: { waiting: Record<string, number> }) =>
    onWaiting(Object.entries(event.waiting).map(([id, count]) => [Number(id), count]));
  for (const name of [
    SERVER_EVENTS.ticketIssued,
    SERVER_EVENTS.ticketCalled,
    SERVER_EVENTS.ticketTransferred,
    SERVER_EVENTS.ticketReturned,
    SERVER_EVENTS.ticketRequeued,
  ] as const)
    socket.on(name, onChange);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
