import type { FeedEnvelope, FeedEventName, SyncResult, Ack } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { RecordingSocket } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';

const FEED: FeedEventName[] = [
  'ticket:issued',
  'ticket:called',
  'ticket:started',
  'ticket:finished',
  'ticket:no-show',
  'counter:updated',
];
const DKKD = 1;
const COUNTER_1 = 1;

function sync(client: RecordingSocket, sinceSeq: unknown): Promise<Ack<SyncResult>> {
  return client.socket.timeout(5000).emitWithAck('sync', sinceSeq as { sinceSeq: number });
}

describe('Socket.IO feed', () => {
  let server: TestServer;
  let clerk: ApiClient;
  const sockets: RecordingSocket[] = [];
  const connect = async () => {
    const socket = new RecordingSocket(server.url, FEED);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  };

  beforeEach(async () => {
    server = await startTestServer();
    clerk = new ApiClient(server.url);
    await clerk.login(server.adminUsername, server.adminPassword);
    await clerk.post(`/api/counters/${COUNTER_1}/sign-in`);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await server.stop();
  });

  test('sends a snapshot with the current seq on connect', async () => {
    const screen = await connect();
    const snapshot = screen.snapshots[0];
    const state = await clerk.get<{ seq: number }>('/api/state');
    expect(snapshot?.seq).toBe(state.body.seq);
    expect(snapshot?.services.map((s) => s.code)).toContain('DKKD');
    expect(snapshot?.counters).toHaveLength(12);
  });

  test('pushes ticket:called with the right seq to every screen when a clerk calls over HTTP', async () => {
    const hall = await connect();
    const counterScreen = await connect();
    const startSeq = hall.snapshots[0]?.seq ?? 0;

    const { ticket } = await clerk.issue(DKKD);
    const called = await clerk.post<{ ticket: { number: string } }>(
      `/api/counters/${COUNTER_1}/call-next`,
    );

    for (const screen of [hall, counterScreen]) {
      await screen.waitFor(() => screen.received.some((e) => e.type === 'ticket:called'));
      const [issued, call] = screen.received;
      expect(issued?.type).toBe('ticket:issued');
      expect(issued?.payload.seq).toBe(startSeq + 1);
      expect(call?.type).toBe('ticket:called');
      if (call?.type !== 'ticket:called') throw new Error('expected a call');
      expect(call.payload.seq).toBe(startSeq + 2);
      expect(call.payload.ticket.number).toBe(ticket.number);
      expect(call.payload.ticket.number).toBe(called.body.ticket.number);
      expect(call.payload.counter.number).toBe(1);
      expect(call.payload.recall).toBe(false);
      expect(call.payload.waiting[String(DKKD)]).toBe(0);
    }
  });

  test('marks a recall as ticket:called with recall true', async () => {
    const hall = await connect();
    await clerk.issue(DKKD);
    await clerk.post(`/api/counters/${COUNTER_1}/call-next`);
    await clerk.post(`/api/counters/${COUNTER_1}/recall`);
    await hall.waitFor(() => hall.received.filter((e) => e.type === 'ticket:called').length === 2);
    const calls = hall.received.filter((e) => e.type === 'ticket:called');
    expect(calls.map((e) => e.type === 'ticket:called' && e.payload.recall)).toEqual([false, true]);
    expect(calls[1]?.payload.ticket.recallCount).toBe(1);
  });

  test('sync after a disconnect returns exactly the missed events, in order', async () => {
    const live = await connect();
    const away = await connect();
    await clerk.issue(DKKD);
    await away.waitFor(() => away.received.length === 1);
    const lastSeen = away.received[0]?.payload.seq ?? -1;
    away.close();

    await clerk.issue(DKKD);
    await clerk.post(`/api/counters/${COUNTER_1}/call-next`);
    await clerk.post(`/api/counters/${COUNTER_1}/recall`);
    await clerk.post(`/api/counters/${COUNTER_1}/start`);
    await live.waitFor(() => live.received.length === 5);

    const back = await connect();
    const answer = await sync(back, { sinceSeq: lastSeen });

    expect('data' in answer && answer.data.kind).toBe('events');
    const events = 'data' in answer && answer.data.kind === 'events' ? answer.data.events : [];
    const missedLive: FeedEnvelope[] = live.received.slice(1);
    expect(events).toEqual(missedLive);
    expect(events.map((e) => e.type)).toEqual([
      'ticket:issued',
      'ticket:called',
      'ticket:called',
      'ticket:started',
    ]);
  });

  test('sync answers an empty list for a client that is up to date', async () => {
    const screen = await connect();
    const answer = await sync(screen, { sinceSeq: screen.snapshots[0]?.seq });
    expect(answer).toEqual({ data: { kind: 'events', events: [], printers: [] } });
  });

  test('sync answers a snapshot when the client is too far behind', async () => {
    for (let i = 0; i < 501; i++) server.server.application.issuer.issueTicket({ serviceId: DKKD });
    const screen = await connect();
    const answer = await sync(screen, { sinceSeq: 0 });
    expect('data' in answer && answer.data.kind).toBe('snapshot');
    if (!('data' in answer) || answer.data.kind !== 'snapshot')
      throw new Error('expected a snapshot');
    expect(answer.data.snapshot.services.find((s) => s.id === DKKD)?.waiting).toBe(501);
  });

  test('sync answers a snapshot when the client claims a seq the server never reached', async () => {
    const screen = await connect();
    const answer = await sync(screen, { sinceSeq: 10_000 });
    expect('data' in answer && answer.data.kind).toBe('snapshot');
  });

  test.each([
    [undefined],
    [null],
    ['7'],
    [{ sinceSeq: -1 }],
    [{ sinceSeq: 1.5 }],
    [{ sinceSeq: '3' }],
    [{ since: 1 }],
  ])('sync rejects %p with validation_failed', async (request) => {
    const screen = await connect();
    const answer = await sync(screen, request);
    expect('error' in answer && answer.error.code).toBe('validation_failed');
    expect(screen.socket.connected).toBe(true);
  });
});
