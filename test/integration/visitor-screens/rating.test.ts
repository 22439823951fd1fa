import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  FeedEnvelope,
  RatingResponse,
  StateSnapshot,
  SyncResult,
} from '../../../server/src/contract';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';
import { ApiClient } from '../../support/api-client';
import {
  act,
  errorOf,
  expectStatus,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  useStaffedQueueFixture,
} from '../../support/queue-helpers';
import { RecordingSocket } from '../../support/socket-client';
import { pairDevice, sessionCookie } from '../../component/security/support';

const { f } = useStaffedQueueFixture();

/** Issues a ticket of service 1, then calls, starts and finishes it at counter 1. */
async function finishedTicket(): Promise<{ id: number; number: string }> {
  const { ticket } = await issue(f.admin, SERVICE.DKKD);
  expect((await act(f.admin, 1, 'call-next')).ticket.id).toBe(ticket.id);
  await act(f.admin, 1, 'start');
  await act(f.admin, 1, 'finish');
  return ticket;
}

const rate = (client: ApiClient, id: number, body: object, headers: Record<string, string> = {}) =>
  client.post<RatingResponse>(`/api/tickets/${id}/rating`, body, headers);

/** A socket that records every event it receives, with the admin's session or none. */
function recorder(cookie?: string): {
  socket: Socket;
  events: { type: string; payload: { seq?: number } & Record<string, unknown> }[];
  snapshot: Promise<StateSnapshot>;
} {
  const events: { type: string; payload: { seq?: number } & Record<string, unknown> }[] = [];
  const socket = io(f.server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: cookie === undefined ? {} : { cookie },
  });
  const snapshot = new Promise<StateSnapshot>((resolve) => {
    // Listening before the connection opens: the snapshot comes first thing.
    socket.onAny((type: string, payload: Record<string, unknown>) => {
      if (type === 'queue:snapshot') resolve(payload as unknown as StateSnapshot);
      else events.push({ type, payload });
    });
  });
  return { socket, events, snapshot };
}

describe('POST /api/tickets/:id/rating', () => {
  test('stores the rating of a finished ticket with its service, counter, clerk and time', async () => {
    // Arrange
    const ticket = await finishedTicket();
    // The clerk who served it: here the admin, acting at the counter as a supervisor does.
    const clerk = f.server.server.application.repos.tickets.get(ticket.id)?.staffId;
    expect(clerk).toBe(1);
    f.clock.advance(2 * MINUTE);

    // Act
    const response = await rate(f.anonymous, ticket.id, { level: 4 });

    // Assert
    const { rating } = expectStatus(response, 201);
    expect(rating).toEqual({
      id: expect.any(Number),
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      serviceId: SERVICE.DKKD,
      counterId: 1,
      staffId: clerk,
      level: 4,
      reasons: [],
      comment: null,
      ratedAt: new Date(f.clock.now()).toISOString(),
    });
    expect(f.server.server.application.repos.ratings.byTicket(ticket.id)).toMatchObject({
      id: rating.id,
      serviceId: SERVICE.DKKD,
      counterId: 1,
      staffId: clerk,
      level: 4,
      ratedAt: f.clock.now(),
    });
  });

  test('keeps reasons of a low level and the comment in NFC, trimmed', async () => {
    // Arrange
    const ticket = await finishedTicket();
    const reason = 'Thời gian chờ lâu'.normalize('NFD');

    // Act
    const response = await rate(f.anonymous, ticket.id, {
      level: 1,
      reasons: [reason, 'Thái độ phục vụ'],
      comment: '  Chờ hơi lâu ở quầy  '.normalize('NFD'),
    });

    // Assert
    const { rating } = expectStatus(response, 201);
    expect(rating.reasons).toEqual(['Thời gian chờ lâu', 'Thái độ phục vụ']);
    expect(rating.comment).toBe('Chờ hơi lâu ở quầy');
    expect(rating.comment?.normalize('NFC')).toBe(rating.comment);
  });

  test.each([
    ['a level the centre does not offer', { level: 5 }],
    ['a reason not on the list', { level: 1, reasons: ['Không có trong danh sách'] }],
    ['a reason given twice', { level: 1, reasons: ['Thái độ phục vụ', 'Thái độ phục vụ'] }],
    ['reasons for a good level', { level: 4, reasons: ['Thái độ phục vụ'] }],
    ['no level', {}],
    ['an unknown field', { level: 3, stars: 5 }],
    ['a comment with a right-to-left override', { level: 3, comment: 'Tốt \u202Eeốs' }],
    ['a comment with a NUL', { level: 3, comment: 'Tốt\u0000' }],
    ['a comment with a zero-width space', { level: 3, comment: 'Tốt\u200B' }],
    ['a reason with a right-to-left override', { level: 1, reasons: ['Thái độ\u202E phục vụ'] }],
  ])('refuses %s with 400 validation_failed', async (_what, body) => {
    // Arrange
    const ticket = await finishedTicket();

    // Act
    const response = await rate(f.anonymous, ticket.id, body);

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
    expect(f.server.server.application.repos.ratings.byTicket(ticket.id)).toBeUndefined();
  });

  test('refuses a second rating with 409 already_rated', async () => {
    // Arrange
    const ticket = await finishedTicket();
    expectStatus(await rate(f.anonymous, ticket.id, { level: 3 }), 201);

    // Act
    const second = await rate(f.anonymous, ticket.id, { level: 1 });

    // Assert
    expect(errorOf(second, 409).code).toBe('already_rated');
    expect(f.server.server.application.repos.ratings.byTicket(ticket.id)?.level).toBe(3);
  });

  test('takes one of two ratings sent at once and refuses the other with 409 already_rated', async () => {
    // Arrange
    const ticket = await finishedTicket();

    // Act
    const answers = await Promise.all([
      rate(new ApiClient(f.server.url), ticket.id, { level: 4 }),
      rate(new ApiClient(f.server.url), ticket.id, { level: 2 }),
    ]);

    // Assert
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused && errorOf(refused, 409).code).toBe('already_rated');
    const count = f.server.server.application.repos.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM ratings WHERE ticket_id = ?',
      [ticket.id],
    );
    expect(count?.n).toBe(1);
  });

  test('answers a retry with the same Idempotency-Key with the first rating', async () => {
    // Arrange
    const ticket = await finishedTicket();
    const key = { 'Idempotency-Key': randomUUID() };
    const first = expectStatus(await rate(f.anonymous, ticket.id, { level: 4 }, key), 201);

    // Act
    const retry = await rate(f.anonymous, ticket.id, { level: 4 }, key);

    // Assert
    expect(expectStatus(retry, 201)).toEqual(first);
  });

  test('refuses a rating past the window after the finish with 409 rating_closed', async () => {
    // Arrange
    const late = await finishedTicket();
    f.clock.advance(10 * MINUTE + 1);

    // Act
    const response = await rate(f.anonymous, late.id, { level: 4 });

    // Assert
    expect(errorOf(response, 409).code).toBe('rating_closed');
  });

  test('takes a rating at the very end of the window, and follows a window the admin set', async () => {
    // Arrange
    const onTime = await finishedTicket();
    f.clock.advance(10 * MINUTE);
    expectStatus(await rate(f.anonymous, onTime.id, { level: 4 }), 201);
    const { rating } = (
      await f.admin.get<{ rating: { windowMinutes: number } & object }>('/api/settings')
    ).body;
    await patchSettings(f.admin, { rating: { ...rating, windowMinutes: 1 } });
    const next = await finishedTicket();
    f.clock.advance(MINUTE + 1);

    // Act
    const response = await rate(f.anonymous, next.id, { level: 4 });

    // Assert
    expect(errorOf(response, 409).code).toBe('rating_closed');
  });

  test('refuses a ticket that is not finished with 409 invalid_transition', async () => {
    // Arrange
    const { ticket: waiting } = await issue(f.admin, SERVICE.DKKD);
    const { ticket: serving } = await issue(f.admin, SERVICE.TPLL);
    await act(f.admin, 5, 'call-next');
    await act(f.admin, 5, 'start');

    // Act
    const answers = await Promise.all([
      rate(f.anonymous, waiting.id, { level: 4 }),
      rate(f.anonymous, serving.id, { level: 4 }),
      rate(f.anonymous, 999_999, { level: 4 }),
    ]);

    // Assert
    expect(errorOf(answers[0], 409).code).toBe('invalid_transition');
    expect(errorOf(answers[1], 409).code).toBe('invalid_transition');
    expect(errorOf(answers[2], 404).code).toBe('ticket_not_found');
  });

  test('under the paired policy takes only the paired counter screen of the ticket’s counter', async () => {
    // Arrange
    const ticket = await finishedTicket();
    await patchSettings(f.admin, { kioskPolicy: 'paired' });
    const other = await pairCounterScreen(2);
    const own = await pairCounterScreen(1);
    const kiosk = await pairDevice(f.server, f.admin, 'kiosk');
    const as = (token: string) => ({ authorization: `Device ${token}` });

    // Act
    const answers = [
      await rate(f.anonymous, ticket.id, { level: 4 }),
      await rate(f.admin, ticket.id, { level: 4 }),
      await rate(f.anonymous, ticket.id, { level: 4 }, as(kiosk.token)),
      await rate(f.anonymous, ticket.id, { level: 4 }, as(other.token)),
      await rate(f.anonymous, ticket.id, { level: 4 }, as(own.token)),
    ];

    // Assert
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 201]);
    for (const refused of answers.slice(0, 4)) expect(errorOf(refused, 403).code).toBe('forbidden');
  });

  test('under the open policy takes a signed-in clerk and anyone', async () => {
    // Arrange
    const first = await finishedTicket();
    const second = await finishedTicket();

    // Act
    const byStaff = await rate(f.admin, first.id, { level: 3 });
    const byAnyone = await rate(f.anonymous, second.id, { level: 2 });

    // Assert
    expect([byStaff.status, byAnyone.status]).toEqual([201, 201]);
  });

  test('limits the requests of one address to 30 a minute with 429 rate_limited', async () => {
    // Arrange: 30 requests, bad ones included, use the budget.
    const ticket = await finishedTicket();
    for (let i = 0; i < 30; i++) await rate(f.anonymous, 999_999, { level: 4 });

    // Act
    const refused = await rate(f.anonymous, ticket.id, { level: 4 });
    f.clock.advance(MINUTE);
    const later = await rate(f.anonymous, ticket.id, { level: 4 });

    // Assert
    expect(errorOf(refused, 429).code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(later.status).toBe(201);
  });

  test('counts requests whose body is not JSON, too large or too deep, before parsing them', async () => {
    // Arrange: 30 bodies the JSON parser refuses use the budget.
    const ticket = await finishedTicket();
    const bodies = [
      '{"level": 4',
      '{'.repeat(40) + '}'.repeat(40),
      JSON.stringify({ x: 'a'.repeat(20_000) }),
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const bad = await f.anonymous.request('POST', `/api/tickets/${ticket.id}/rating`, {
        rawBody: bodies[i % bodies.length],
      });
      statuses.add(bad.status);
    }

    // Act
    const refused = await rate(f.anonymous, ticket.id, { level: 4 });

    // Assert
    expect([...statuses].every((status) => status >= 400 && status < 500 && status !== 429)).toBe(
      true,
    );
    expect(errorOf(refused, 429).code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(f.server.server.application.repos.ratings.byTicket(ticket.id)).toBeUndefined();
  });

  test('sends no Retry-After while under the limit, whatever the body', async () => {
    // Arrange
    const ticket = await finishedTicket();

    // Act
    const bad = await f.anonymous.request('POST', `/api/tickets/${ticket.id}/rating`, {
      rawBody: '{"level": 4',
    });
    const good = await rate(f.anonymous, ticket.id, { level: 4 });

    // Assert
    expect(bad.status).toBe(400);
    expect(bad.headers.get('retry-after')).toBeNull();
    expect(good.status).toBe(201);
    expect(good.headers.get('retry-after')).toBeNull();
  });

  test('refuses every rating with 409 rating_closed while the centre does not ask for them', async () => {
    // Arrange
    const ticket = await finishedTicket();
    const { rating } = (await f.admin.get<{ rating: object }>('/api/settings')).body;
    await patchSettings(f.admin, { rating: { ...rating, enabled: false } });

    // Act
    const response = await rate(f.anonymous, ticket.id, { level: 4 });

    // Assert
    expect(errorOf(response, 409).code).toBe('rating_closed');
  });
});

describe('ticket:rated on the feed', () => {
  test('goes to staff sockets only; anyone else gets feed:skipped of its seq, live and in sync', async () => {
    // Arrange
    const ticket = await finishedTicket();
    const staff = recorder(sessionCookie(f.server, 1));
    const screen = recorder();
    const before = (await screen.snapshot).seq;
    await staff.snapshot;

    // Act
    const { rating } = expectStatus(await rate(f.anonymous, ticket.id, { level: 2 }), 201);
    await issue(f.admin, SERVICE.DKKD);
    const staffSync = (await staff.socket.timeout(5000).emitWithAck('sync', {
      sinceSeq: before,
    })) as { data: SyncResult };
    const screenSync = (await screen.socket.timeout(5000).emitWithAck('sync', {
      sinceSeq: before,
    })) as { data: SyncResult };

    // Assert: staff get the rating, live and on sync.
    const staffRated = staff.events.find((e) => e.type === 'ticket:rated');
    expect(staffRated?.payload).toMatchObject({ seq: before + 1, rating });
    expect(staff.events.map((e) => e.type)).not.toContain('feed:skipped');
    expect(staffSync.data.kind === 'events' && staffSync.data.events.map((e) => e.type)).toEqual([
      'ticket:rated',
      'ticket:issued',
    ]);
    // The screen never sees the rating: a marker of the same seq, without any payload.
    expect(screen.events.map((e) => e.type)).toEqual(['feed:skipped', 'ticket:issued']);
    expect(screen.events[0]?.payload).toEqual({
      seq: before + 1,
      at: new Date(f.clock.now()).toISOString(),
    });
    expect(screenSync.data.kind).toBe('events');
    const replayed = screenSync.data.kind === 'events' ? screenSync.data.events : [];
    expect(replayed.map((e) => e.type)).toEqual(['feed:skipped', 'ticket:issued']);
    expect(JSON.stringify(screenSync.data)).not.toMatch(/rated|rating|level/);
    staff.socket.close();
    screen.socket.close();
  });

  test('keeps an anonymous screen’s feed contiguous: it follows ratings without a single sync', async () => {
    // Arrange
    const screen = new RecordingSocket(f.server.url, [
      'ticket:issued',
      'ticket:called',
      'ticket:started',
      'ticket:finished',
      'ticket:rated',
      'feed:skipped',
    ]);
    await screen.waitFor(() => screen.snapshots.length > 0);
    const syncs: number[] = [];
    const feed = new QueueFeed(
      (sinceSeq) => {
        syncs.push(sinceSeq);
        return Promise.reject(new Error('a screen following the feed live never syncs'));
      },
      { onState: () => undefined },
    );
    feed.receiveSnapshot(screen.snapshots[0] as StateSnapshot);

    // Act: three visitors rate; the queue moves between the ratings.
    for (let i = 0; i < 3; i++) {
      const ticket = await finishedTicket();
      expectStatus(await rate(f.anonymous, ticket.id, { level: 4 - i }), 201);
    }
    const last = expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200).seq;
    await screen.waitFor(() => screen.received.at(-1)?.payload.seq === last);
    for (const envelope of screen.received) feed.receiveEvent(envelope as FeedEnvelope);

    // Assert
    expect(screen.received.some((e) => (e.type as string) === 'ticket:rated')).toBe(false);
    expect(screen.received.filter((e) => e.type === 'feed:skipped')).toHaveLength(3);
    const seqs = screen.received.map((e) => e.payload.seq);
    const first = (screen.snapshots[0] as StateSnapshot).seq + 1;
    expect(seqs).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(feed.lastSeq).toBe(last);
    expect(syncs).toEqual([]);
    screen.close();
  });
});

/** Pairs a counter screen that asked for `counterId`, approved by the admin. */
async function pairCounterScreen(counterId: number): Promise<{ id: number; token: string }> {
  const device = new ApiClient(f.server.url);
  const request = expectStatus(
    await device.post<{ requestId: string; code: string }>('/api/devices/pair-requests', {
      kind: 'counter',
      counterId,
    }),
    201,
  );
  const approved = await f.admin.post<{ device: { counterId: number | null } }>(
    '/api/devices/pair',
    { code: request.code, name: `Màn hình quầy ${counterId}` },
  );
  expect(expectStatus(approved, 200).device.counterId).toBe(counterId);
  const poll = expectStatus(
    await device.get<{ device: { id: number }; token: string }>(
      `/api/devices/pair-requests/${request.requestId}`,
    ),
    200,
  );
  return { id: poll.device.id, token: poll.token };
}
