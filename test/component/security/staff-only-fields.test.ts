import type { Socket } from 'socket.io-client';
import { FEED_EVENT_NAMES } from '../../../server/src/contract';
import type {
  Ack,
  StateSnapshot,
  SyncResult,
  Ticket,
  TicketResponse,
} from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import {
  act,
  expectStatus,
  issue,
  SERVICE,
  useStaffedQueueFixture,
} from '../../support/queue-helpers';
import { PUBLIC_TICKET_KEYS, ticketsIn as everyTicketIn } from '../../support/public-ticket';
import { openSocket, sessionCookie } from './support';

/**
 * A transfer note and a cancel reason are for staff: hall screens, kiosks and visitors'
 * phones get every ticket with `note` and `closeReason` null — live, in snapshots, in
 * `sync` answers and over HTTP.
 */
describe('staff-only ticket fields', () => {
  const { f, connect } = useStaffedQueueFixture(
    ['ticket:transferred', 'ticket:cancelled'],
    [1, 10],
  );
  const NOTE = 'Thiếu bản sao CCCD, bổ sung tại quầy thuế';
  const REASON = 'Công dân không mang hồ sơ gốc';
  const sockets: Socket[] = [];

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  async function staffSocket(): Promise<Socket> {
    const adminId = f.server.server.application.repos.staff.byUsername(f.server.adminUsername)!.id;
    const socket = await openSocket(f.server.url, { cookie: sessionCookie(f.server, adminId) });
    sockets.push(socket);
    return socket;
  }

  /** Every ticket anywhere in `value`. */
  function ticketsIn(value: unknown): Ticket[] {
    if (Array.isArray(value)) return value.flatMap(ticketsIn);
    if (typeof value !== 'object' || value === null) return [];
    const own = 'note' in value && 'closeReason' in value ? [value as Ticket] : [];
    return [...own, ...Object.values(value).flatMap(ticketsIn)];
  }

  const notesIn = (value: unknown) =>
    ticketsIn(value)
      .flatMap((t) => [t.note, t.closeReason])
      .filter((text) => text !== null);

  test('a transfer note reaches staff live and over HTTP, and nobody else', async () => {
    // Arrange: a hall screen and a staff terminal listen; counter 1 calls a ticket.
    const screen = await connect();
    const staff = await staffSocket();
    const staffEvents: unknown[] = [];
    staff.on('ticket:transferred', (payload: unknown) => staffEvents.push(payload));
    const { ticket } = await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'call-next');

    // Act: the clerk sends it to the tax service with a note; the tax counter calls it.
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    await act(f.admin, 10, 'call-next');
    const anonymous = await f.anonymous.get<TicketResponse>(`/api/tickets/${ticket.id}`);
    const asStaff = await f.admin.get<TicketResponse>(`/api/tickets/${ticket.id}`);
    const anonymousState = await f.anonymous.get<StateSnapshot>('/api/state');
    const staffState = await f.admin.get<StateSnapshot>('/api/state');

    // Assert
    await screen.waitFor(() => screen.received.length >= 1);
    await screen.roundTrip();
    expect(screen.received.map((e) => e.type)).toEqual(['ticket:transferred']);
    expect(notesIn(screen.received)).toEqual([]);
    expect(notesIn(staffEvents)).toContain(NOTE);
    expect(expectStatus(anonymous, 200).ticket.note).toBeNull();
    expect(expectStatus(asStaff, 200).ticket.note).toBe(NOTE);
    expect(notesIn(anonymousState.body)).toEqual([]);
    expect(notesIn(staffState.body)).toContain(NOTE);
  });

  test('snapshots and sync answers keep notes and cancel reasons to staff', async () => {
    // Arrange: a note on the ticket at counter 10, a cancelled ticket with its reason.
    await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    await act(f.admin, 10, 'call-next');
    const cancelled = await issue(f.anonymous, SERVICE.DKKD);
    const cancel = await f.admin.post(`/api/tickets/${cancelled.ticket.id}/cancel`, {
      reason: REASON,
    });
    expect(cancel.status).toBe(200);

    // Act: a screen and a staff terminal connect now and catch up from the start.
    const screen = await connect();
    const staff = await staffSocket();
    const screenSync = (await screen.socket
      .timeout(2000)
      .emitWithAck('sync', { sinceSeq: 0 })) as Ack<SyncResult>;
    const staffSync = (await staff
      .timeout(2000)
      .emitWithAck('sync', { sinceSeq: 0 })) as Ack<SyncResult>;

    // Assert
    expect(notesIn(screen.snapshots)).toEqual([]);
    expect(notesIn(screenSync)).toEqual([]);
    expect(notesIn(staffSync)).toEqual(expect.arrayContaining([NOTE, REASON]));
  });

  test('the visitor’s tracking page reads why the ticket was cancelled, not the note', async () => {
    // Arrange: a ticket transferred with a note, then cancelled with a reason.
    const { ticket, trackingToken } = await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    const cancel = await f.admin.post(`/api/tickets/${ticket.id}/cancel`, { reason: REASON });
    expect(cancel.status).toBe(200);

    // Act
    const tracked = await f.anonymous.get<{ ticket: Ticket }>(`/api/track/${trackingToken}`);

    // Assert
    expect(expectStatus(tracked, 200).ticket).toMatchObject({
      status: 'cancelled',
      closeReason: REASON,
      note: null,
    });
  });

  test('every ticket sent to anyone but staff has exactly the public ticket’s keys', async () => {
    // Arrange: a screen listens from the start; a noted ticket at counter 10, a cancelled one.
    const screen = await connect(FEED_EVENT_NAMES);
    const issued = await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    await act(f.admin, 10, 'call-next');
    const cancelled = await issue(f.anonymous, SERVICE.DKKD);
    await f.admin.post(`/api/tickets/${cancelled.ticket.id}/cancel`, { reason: REASON });

    // Act: everything anonymous callers read over HTTP and the socket.
    const late = await connect(FEED_EVENT_NAMES);
    const fromStart = await late.socket.timeout(2000).emitWithAck('sync', { sinceSeq: 0 });
    const tooOld = await late.socket.timeout(2000).emitWithAck('sync', { sinceSeq: 1e9 });
    const answers = await Promise.all(
      [
        '/api/state',
        '/api/counters',
        `/api/tickets/${issued.ticket.id}`,
        `/api/track/${issued.trackingToken}`,
        `/api/track/${cancelled.trackingToken}`,
      ].map((path) => f.anonymous.get(path)),
    );
    await screen.waitFor(() => screen.received.length >= 5);

    // Assert
    const seen = [
      issued,
      cancelled,
      screen.received,
      screen.snapshots,
      late.snapshots,
      fromStart,
      tooOld,
      ...answers.map((answer) => expectStatus(answer, 200)),
    ];
    const tickets = everyTicketIn(seen);
    expect(tickets.length).toBeGreaterThan(10);
    for (const ticket of tickets) expect(Object.keys(ticket).sort()).toEqual(PUBLIC_TICKET_KEYS);
    expect(notesIn(seen)).toEqual([REASON]);
  });

  test('a clerk who must still change the password sees no notes yet', async () => {
    // Arrange
    const { ticket } = await issue(f.anonymous, SERVICE.DKKD);
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: SERVICE.THUE, note: NOTE });
    const newcomer = new ApiClient(f.server.url);
    const created = await f.admin.post<{ password: string }>('/api/staff', {
      username: 'moi',
      displayName: 'Cán bộ mới',
      role: 'clerk',
    });
    expect(created.status).toBe(201);
    await newcomer.login('moi', created.body.password);

    // Act
    const seen = await newcomer.get<TicketResponse>(`/api/tickets/${ticket.id}`);

    // Assert
    expect(expectStatus(seen, 200).ticket.note).toBeNull();
  });
});
