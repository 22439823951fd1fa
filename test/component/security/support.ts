import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { createApplication, type Application } from '../../../server/src/app';
import { ensureAdmin } from '../../../server/src/auth/first-admin';
import type { ClientEvents, ServerEvents } from '../../../server/src/contract';
import { SESSION_COOKIE } from '../../../server/src/contract/http';
import { openDatabase } from '../../../server/src/storage/database';
import { migrate } from '../../../server/src/storage/migrate';
import { addStaff, signedIn, STAFF_PASSWORD } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { useQueueFixture, type QueueFixture } from '../../support/queue-helpers';
import { ManualClock, tempDataDir, type TestServer } from '../../support/test-server';

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

/** An app of its own on 127.0.0.1, port 0, with its Socket.IO server in reach. */
export interface OwnApplication {
  application: Application;
  io: Server<ClientEvents, ServerEvents>;
  clock: ManualClock;
  url: string;
  /** Closes the sockets and the HTTP server, then the database. */
  close(): Promise<void>;
}

/**
 * Starts an app over a fresh migrated database with its first admin, for tests that
 * watch the Socket.IO server itself (its rooms, its adapter).
 */
export async function startOwnApplication(): Promise<OwnApplication> {
  const db = openDatabase(path.join(tempDataDir(), 'luot.db'));
  migrate(db);
  const clock = new ManualClock();
  const application = createApplication({
    db,
    clock,
    logger: pino({ level: 'silent' }),
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  await ensureAdmin(application.repos, application.runner, 'own-admin-password');
  const httpServer = http.createServer(application.app);
  const io = application.attach(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  async function close(): Promise<void> {
    await new Promise((resolve) => io.close(resolve));
    db.close();
  }
  return { application, io, clock, url, close };
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
