import type {
  CounterConfig,
  FeedEventName,
  ServiceConfig,
  ServiceGroupConfig,
} from '../../../server/src/contract';
import { addClerk, expectStatus, type QueueFixture } from '../../support/queue-helpers';
import { ApiClient } from '../../support/api-client';
import { RecordingSocket } from '../../support/socket-client';
import { ManualClock, startTestServer } from '../../support/test-server';

/** A centre started from an empty database (`LUOT_DEMO=0`), its admin signed in. */
export function useEmptyCentre(events: readonly FeedEventName[] = []): {
  f: QueueFixture;
  connect: () => Promise<RecordingSocket>;
} {
  const f = {} as QueueFixture;
  const sockets: RecordingSocket[] = [];
  beforeEach(async () => {
    const clock = new ManualClock();
    const server = await startTestServer({ clock, env: { LUOT_DEMO: '0' } });
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    Object.assign(f, { server, clock, admin, anonymous: new ApiClient(server.url) });
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await f.server.stop();
  });
  async function connect(): Promise<RecordingSocket> {
    const socket = new RecordingSocket(f.server.url, events);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  }
  return { f, connect };
}

/** Creates a service as the admin; `201` or the test fails. */
export async function createService(admin: ApiClient, body: object): Promise<ServiceConfig> {
  return expectStatus(await admin.post<{ service: ServiceConfig }>('/api/services', body), 201)
    .service;
}

/** Creates a kiosk menu group as the admin. */
export async function createGroup(admin: ApiClient, body: object): Promise<ServiceGroupConfig> {
  return expectStatus(
    await admin.post<{ group: ServiceGroupConfig }>('/api/service-groups', body),
    201,
  ).group;
}

/** Creates a counter as the admin. */
export async function createCounter(admin: ApiClient, body: object): Promise<CounterConfig> {
  return expectStatus(await admin.post<{ counter: CounterConfig }>('/api/counters', body), 201)
    .counter;
}

export { addClerk };
