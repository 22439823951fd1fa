import { io, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../../../server/src/contract/http';
import { addStaff, signedIn, STAFF_PASSWORD } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { useQueueFixture, type QueueFixture } from '../../support/queue-helpers';
import type { TestServer } from '../../support/test-server';

// The security tests take every account helper from here.
export { addStaff, signedIn, STAFF_PASSWORD };

/** A Cookie header for a new session of the account, opened without a password check. */
export function sessionCookie(server: TestServer, staffId: number): string {
  const { token } = server.server.application.auth.openSession(staffId);
  return `${SESSION_COOKIE}=${token}`;
}

/** A real server with its hand-moved clock, its admin signed in, and a client with no session. */
export type SecurityServer = QueueFixture;

/**
 * Registers a describe block's hooks: a fresh server before each test (filled
 * into the returned object) and, after it, the server stopped.
 */
export function useSecurityServer(): SecurityServer {
  return useQueueFixture().f;
}

/** The error code of a JSON error body, if any. */
export function codeOf(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code;
}

/** Opens a real Socket.IO client; resolves once connected, rejects with the refusal. */
export function openSocket(
  url: string,
  options: { cookie?: string; deviceToken?: string; origin?: string } = {},
): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    auth: options.deviceToken === undefined ? {} : { deviceToken: options.deviceToken },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves when the socket is disconnected by the server. */
export function disconnected(socket: Socket, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket stayed connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Pairs a device through the API as the given admin; returns its id and token. */
export async function pairDevice(
  server: TestServer,
  admin: ApiClient,
  kind: 'kiosk' | 'display' | 'counter',
  name = `${kind} 1`,
): Promise<{ id: number; token: string }> {
  const device = new ApiClient(server.url);
  const request = await device.post<{ requestId: string; code: string }>(
    '/api/devices/pair-requests',
    { kind },
  );
  if (request.status !== 201) throw new Error(`pair request: ${request.status}`);
  const approved = await admin.post('/api/devices/pair', { code: request.body.code, name });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
  const poll = await device.get<{ device: { id: number }; token: string }>(
    `/api/devices/pair-requests/${request.body.requestId}`,
  );
  if (poll.status !== 200) throw new Error(`poll: ${poll.status}`);
  return { id: poll.body.device.id, token: poll.body.token };
}
