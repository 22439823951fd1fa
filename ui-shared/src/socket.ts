import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEvents,
  ServerEvents,
  SocketHandshakeAuth,
  SyncResult,
} from '@luot/contract';
import { CLIENT_EVENTS } from './contract';
import { ApiRequestError } from './api';
import { pageDeviceToken, reportDeviceRefused } from './device';

/** The one Socket.IO connection a page keeps, typed by the contract's event maps. */
export type LuotSocket = Socket<ServerEvents, ClientEvents>;

/** How long an ack may take before the caller gives up on it. */
export const ACK_TIMEOUT_MS = 5000;

let socket: LuotSocket | null = null;
/** The device token the current handshake carries, to tell whose refusal it is. */
let sentToken: string | null = null;
/** True while `resetSocket` closes the socket on purpose, which is not going offline. */
let reopening = false;

/** Whether a `connect_error` is the server refusing the handshake's device token. */
function isTokenRefusal(error: Error): boolean {
  const data = (error as Error & { data?: { code?: unknown } }).data;
  return data?.code === 'unauthenticated';
}

function open(): LuotSocket {
  const s: LuotSocket = io({
    withCredentials: true,
    // Read at every (re)connection, so a reconnect sends the identity the page has now.
    auth: (callback) => {
      sentToken = pageDeviceToken();
      const auth: SocketHandshakeAuth = sentToken ? { deviceToken: sentToken } : {};
      callback(auth);
    },
  });
  s.on('connect_error', (error) => {
    // Socket.IO does not retry a handshake the server refused; the page decides what next.
    if (sentToken && isTokenRefusal(error)) reportDeviceRefused(sentToken);
  });
  s.on('disconnect', (reason) => {
    // The server drops a revoked device's sockets and Socket.IO would not reconnect on
    // its own: reconnect, and the handshake tells whether the token is still good.
    if (reason === 'io server disconnect' && sentToken) s.connect();
  });
  return s;
}

/** The page's socket, opened (same origin) on first use. */
export function getSocket(): LuotSocket {
  socket ??= open();
  return socket;
}

/**
 * Reconnects the page's socket so the server sees the identity the page has now (after
 * pairing, or after forgetting a refused token). Subscriptions carry over: it is the same
 * socket, and the server sends a fresh snapshot on the new connection.
 */
export function resetSocket(): void {
  if (!socket) return;
  reopening = true;
  socket.disconnect();
  reopening = false;
  socket.connect();
}

/** Subscribes to one server event; returns the function that unsubscribes. */
export function listen<K extends keyof ServerEvents>(
  name: K,
  listener: ServerEvents[K],
): () => void {
  // socket.io's overloads cannot narrow a generic key; the contract map keeps this sound.
  const s = getSocket() as unknown as Socket;
  const untyped = listener as (...args: unknown[]) => void;
  s.on(name as string, untyped);
  return () => {
    s.off(name as string, untyped);
  };
}

/** Whether the page's socket is connected right now (false before it is opened). */
export function isConnected(): boolean {
  return socket?.connected ?? false;
}

/** Calls back with `true` on every (re)connect, `false` on a disconnect or a failed attempt. */
export function listenConnection(listener: (connected: boolean) => void): () => void {
  const s = getSocket();
  const onConnect = () => listener(true);
  const onDown = () => listener(false);
  const onDisconnect = () => {
    if (!reopening) listener(false);
  };
  s.on('connect', onConnect);
  s.on('disconnect', onDisconnect);
  s.on('connect_error', onDown);
  return () => {
    s.off('connect', onConnect);
    s.off('disconnect', onDisconnect);
    s.off('connect_error', onDown);
  };
}

/** What a client event's ack carries on success. */
export type AckData<K extends keyof ClientEvents> =
  Parameters<Parameters<ClientEvents[K]>[1]>[0] extends Ack<infer T> ? T : never;

/**
 * Emits a client event and resolves with its ack's data; rejects with the server's
 * coded error, or with `network` when no ack comes within `ACK_TIMEOUT_MS`.
 */
export function send<K extends keyof ClientEvents>(
  name: K,
  request: Parameters<ClientEvents[K]>[0],
): Promise<AckData<K>> {
  // As in `listen`: the contract map types the call, socket.io sees plain arguments.
  const s = getSocket() as unknown as Socket;
  return new Promise((resolve, reject) => {
    s.timeout(ACK_TIMEOUT_MS).emit(
      name as string,
      request,
      (err: Error | null, result: Ack<AckData<K>>) => {
        if (err) reject(new ApiRequestError('network', err.message));
        else if ('error' in result)
          reject(new ApiRequestError(result.error.code, result.error.message));
        else resolve(result.data);
      },
    );
  });
}

/** Asks the server for every feed event after `sinceSeq` (or a snapshot when too far behind). */
export function requestSync(sinceSeq: number): Promise<SyncResult> {
  return send(CLIENT_EVENTS.sync, { sinceSeq });
}
