import type {
  ApiError,
  Counter,
  FeedEventName,
  IssueTicketResponse,
  Role,
  StateSnapshot,
  Ticket,
  TicketResponse,
} from '../../server/src/contract';
import { addStaff, signedIn } from './accounts';
import { ApiClient, type ApiResponse } from './api-client';
import { RecordingSocket } from './socket-client';
import { staffCounters } from './staffing';
import { ManualClock, startTestServer, type TestServer } from './test-server';

/** Service ids of the seeded demo centre, by code. */
export const SERVICE = {
  DKKD: 1,
  DDTN: 2,
  TPLL: 3,
  XDCP: 4,
  GPLX: 5,
  LDTB: 6,
  THUE: 7,
  BHXH: 8,
  TKQ: 9,
} as const;

export const MINUTE = 60_000;

/** The instant the centre's wall clock (Asia/Ho_Chi_Minh, UTC+7) reads `time` on `day`. */
export function vietnamTime(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+07:00`);
}

/** A demo centre on a real server, its hand-moved clock, a signed-in admin and a visitor. */
export interface QueueFixture {
  server: TestServer;
  clock: ManualClock;
  admin: ApiClient;
  anonymous: ApiClient;
}

/** Starts a server (or reopens `dataDir`) and signs the admin in. */
export async function startQueueFixture(
  clock = new ManualClock(),
  dataDir?: string,
): Promise<QueueFixture> {
  const server = await startTestServer(dataDir === undefined ? { clock } : { clock, dataDir });
  const admin = new ApiClient(server.url);
  await admin.login(server.adminUsername, server.adminPassword);
  return { server, clock, admin, anonymous: new ApiClient(server.url) };
}

/**
 * Registers a describe block's hooks: a fresh queue fixture before each test
 * (filled into the returned `f`), and after it the sockets opened with `connect`
 * closed and the server stopped.
 */
export function useQueueFixture(events: readonly FeedEventName[] = []): {
  f: QueueFixture;
  connect: (names?: readonly FeedEventName[]) => Promise<RecordingSocket>;
} {
  const f = {} as QueueFixture;
  const sockets: RecordingSocket[] = [];
  beforeEach(async () => {
    Object.assign(f, await startQueueFixture());
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await f.server.stop();
  });
  async function connect(names: readonly FeedEventName[] = events): Promise<RecordingSocket> {
    const socket = new RecordingSocket(f.server.url, names);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  }
  return { f, connect };
}

/**
 * Registers a describe block's hooks for one queue fixture shared by all its tests:
 * started before the first (filled into the returned fixture), stopped after the last.
 */
export function useSharedQueueFixture(): QueueFixture {
  const f = {} as QueueFixture;
  beforeAll(async () => {
    Object.assign(f, await startQueueFixture());
  });
  afterAll(() => f.server.stop());
  return f;
}

/**
 * `useQueueFixture` with a duty clerk seated at every counter (or at `counterIds`)
 * before each test, so the admin can act at counters as a supervisor does on the
 * floor: a number is only called to a counter someone holds.
 */
export function useStaffedQueueFixture(
  events: readonly FeedEventName[] = [],
  counterIds?: readonly number[],
): ReturnType<typeof useQueueFixture> {
  const fixture = useQueueFixture(events);
  beforeEach(() => staffCounters(fixture.f.server, counterIds));
  return fixture;
}

/** Adds a staff account (a clerk unless told) straight to the database and signs it in. */
export async function addClerk(
  server: TestServer,
  username: string,
  role: Role = 'clerk',
): Promise<ApiClient> {
  await addStaff(server, username, role);
  return signedIn(server, username);
}

/** Fails with the server's answer unless the response has `status`. */
export function expectStatus<T>(response: ApiResponse<T>, status: number): T {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** The error code and message of a refused request, after checking its status. */
export function errorOf(response: ApiResponse, status: number): ApiError {
  return expectStatus(response as ApiResponse<{ error: ApiError }>, status).error;
}

/** Changes the centre's settings as the admin. */
export async function patchSettings(admin: ApiClient, patch: object): Promise<void> {
  expectStatus(await admin.request('PATCH', '/api/settings', { body: patch }), 200);
}

/** Issues a ticket at the kiosk and returns the full answer. */
export async function issue(
  client: ApiClient,
  serviceId: number,
  priorityClass?: string,
): Promise<IssueTicketResponse> {
  const body = priorityClass === undefined ? { serviceId } : { serviceId, priorityClass };
  return expectStatus(await client.post<IssueTicketResponse>('/api/tickets', body), 201);
}

/** A counter action that must succeed; returns its body (a ticket unless told otherwise). */
export async function act<T = TicketResponse>(
  client: ApiClient,
  counterId: number,
  action: string,
  body: object = {},
): Promise<T> {
  return expectStatus(await client.post<T>(`/api/counters/${counterId}/${action}`, body), 200);
}

/**
 * Calls the next ticket `times` times at one counter, starting each so the
 * next call finishes it; returns the numbers in the order called.
 */
export async function callInTurn(
  client: ApiClient,
  counterId: number,
  times: number,
): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < times; i++) {
    numbers.push((await act(client, counterId, 'call-next')).ticket.number);
    await act(client, counterId, 'start');
  }
  return numbers;
}

/** A ticket as the public API shows it now. */
export async function ticketById(client: ApiClient, id: number): Promise<Ticket> {
  return expectStatus(await client.get<TicketResponse>(`/api/tickets/${id}`), 200).ticket;
}

/** A counter as the public list shows it now. */
export async function counterById(client: ApiClient, id: number): Promise<Counter> {
  const counters = expectStatus(await client.get<Counter[]>('/api/counters'), 200);
  const counter = counters.find((c) => c.id === id);
  if (!counter) throw new Error(`no counter ${id}`);
  return counter;
}

/** The feed position screens would sync from. */
export async function currentSeq(client: ApiClient): Promise<number> {
  return expectStatus(await client.get<StateSnapshot>('/api/state'), 200).seq;
}

/** Sets a per-service limit that has no HTTP endpoint yet. */
export function setServiceLimit(
  server: TestServer,
  column: 'daily_cap' | 'cutoff_minutes',
  serviceId: number,
  value: number | null,
): void {
  const sql =
    column === 'daily_cap'
      ? 'UPDATE services SET daily_cap = ? WHERE id = ?'
      : 'UPDATE services SET cutoff_minutes = ? WHERE id = ?';
  server.server.application.repos.db.run(sql, [value, serviceId]);
}
