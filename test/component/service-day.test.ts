import type { Ack, FeedEnvelope, Service, SyncResult } from '../../server/src/contract';
import {
  act,
  counterById,
  currentSeq,
  errorOf,
  issue,
  patchSettings,
  SERVICE,
  setServiceLimit,
  startQueueFixture,
  ticketById,
  vietnamTime,
  type QueueFixture,
} from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { RecordingSocket } from '../support/socket-client';
import { ManualClock } from '../support/test-server';

const { DKKD, THUE } = SERVICE;
/** Friday 27 November 2026 in the centre's zone; the 28th is a Saturday, the 29th a Sunday. */
const FRIDAY = '2026-11-27';
const at = (time: string, day = FRIDAY) => vietnamTime(day, time);

describe('service day', () => {
  let f: QueueFixture;
  const sockets: RecordingSocket[] = [];

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await f.server.stop();
  });

  async function connect(): Promise<RecordingSocket> {
    const socket = new RecordingSocket(f.server.url, ['ticket:expired', 'ticket:issued']);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  }

  async function serviceView(serviceId: number): Promise<Service | undefined> {
    const services = await f.anonymous.get<Service[]>('/api/services');
    return services.body.find((s) => s.id === serviceId);
  }

  describe('with opening hours enforced (Mon–Fri 07:30–11:30, 13:30–17:00; Sat morning)', () => {
    beforeEach(async () => {
      f = await startQueueFixture(new ManualClock(at('09:00')));
      staffCounters(f.server);
      await patchSettings(f.admin, { enforceOpeningHours: true });
    });

    test.each([
      ['Friday 07:29, before opening', 'centre_closed', at('07:29')],
      ['Friday 07:30, at opening', 'issued', at('07:30')],
      ['Friday 09:00', 'issued', at('09:00')],
      ['Friday 11:14, just before the cut-off', 'issued', at('11:14')],
      ['Friday 11:15, at the 15-minute cut-off', 'service_closed', at('11:15')],
      ['Friday 11:20, inside the cut-off', 'service_closed', at('11:20')],
      ['Friday 12:00, lunch', 'centre_closed', at('12:00')],
      ['Friday 13:30, afternoon opening', 'issued', at('13:30')],
      ['Friday 16:50, inside the afternoon cut-off', 'service_closed', at('16:50')],
      ['Friday 17:00, closing', 'centre_closed', at('17:00')],
      ['Saturday 09:00', 'issued', at('09:00', '2026-11-28')],
      ['Saturday 14:00', 'centre_closed', at('14:00', '2026-11-28')],
      ['Sunday 09:00', 'centre_closed', at('09:00', '2026-11-29')],
    ])('at %s the kiosk answers %s', async (_name, outcome, instant) => {
      // Arrange
      f.clock.set(instant);

      // Act
      const response = await f.anonymous.post('/api/tickets', { serviceId: DKKD });

      // Assert
      if (outcome === 'issued') expect(response.status).toBe(201);
      else expect(errorOf(response, 422).code).toBe(outcome);
    });

    test.each([
      ['centre_closed', at('12:00'), /ngoài giờ làm việc/],
      ['service_closed', at('11:20'), /ngừng cấp số/],
    ])('explains %s in Vietnamese by default', async (code, instant, message) => {
      // Arrange
      f.clock.set(instant);

      // Act
      const response = await f.anonymous.post('/api/tickets', { serviceId: DKKD });

      // Assert
      expect(errorOf(response, 422)).toEqual({ code, message: expect.stringMatching(message) });
    });

    test('a service cut-off overrides the centre one, both ways', async () => {
      // Arrange
      setServiceLimit(f.server, 'cutoff_minutes', DKKD, 5);
      setServiceLimit(f.server, 'cutoff_minutes', THUE, 45);

      // Act
      f.clock.set(at('11:20'));
      const business = await f.anonymous.post('/api/tickets', { serviceId: DKKD });
      f.clock.set(at('10:50'));
      const tax = await f.anonymous.post('/api/tickets', { serviceId: THUE });
      const land = await f.anonymous.post('/api/tickets', { serviceId: SERVICE.DDTN });

      // Assert
      expect(business.status).toBe(201);
      expect(errorOf(tax, 422).code).toBe('service_closed');
      expect(land.status).toBe(201);
    });

    test('a holiday closes the centre on a working day', async () => {
      // Arrange
      await patchSettings(f.admin, { holidays: ['2026-11-27'] });

      // Act
      const response = await f.anonymous.post('/api/tickets', { serviceId: DKKD });

      // Assert
      expect(errorOf(response, 422).code).toBe('centre_closed');
    });

    test('opening hours set by the admin open a Sunday and close the other days', async () => {
      // Arrange
      await patchSettings(f.admin, { openingHours: { '0': [{ open: '08:00', close: '10:00' }] } });

      // Act
      f.clock.set(at('09:00', '2026-11-29'));
      const sunday = await f.anonymous.post('/api/tickets', { serviceId: DKKD });
      f.clock.set(at('09:00', '2026-11-30'));
      const monday = await f.anonymous.post('/api/tickets', { serviceId: DKKD });

      // Assert
      expect(sunday.status).toBe(201);
      expect(errorOf(monday, 422).code).toBe('centre_closed');
    });

    test.each([
      [
        'overlapping intervals',
        [
          { open: '07:30', close: '11:30' },
          { open: '11:00', close: '17:00' },
        ],
      ],
      [
        'intervals out of order',
        [
          { open: '13:30', close: '17:00' },
          { open: '07:30', close: '11:30' },
        ],
      ],
      ['an interval that closes when it opens', [{ open: '08:00', close: '08:00' }]],
      ['a time that is not HH:MM', [{ open: '7:30', close: '11:30' }]],
    ])('PATCH /api/settings refuses %s with 400 and keeps the hours', async (_name, hours) => {
      // Act
      const response = await f.admin.request('PATCH', '/api/settings', {
        body: { openingHours: { '1': hours } },
      });

      // Assert
      expect(errorOf(response, 400).code).toBe('validation_failed');
      f.clock.set(at('09:00', '2026-11-30'));
      expect((await f.anonymous.post('/api/tickets', { serviceId: DKKD })).status).toBe(201);
    });

    test('GET /api/services shows why each service is unavailable', async () => {
      // Arrange
      setServiceLimit(f.server, 'cutoff_minutes', DKKD, 5);

      // Act
      f.clock.set(at('11:20'));
      const beforeClosing = { business: await serviceView(DKKD), tax: await serviceView(THUE) };
      f.clock.set(at('12:00'));
      const lunch = await f.anonymous.get<Service[]>('/api/services');

      // Assert
      expect(beforeClosing.business).toMatchObject({ available: true, unavailableReason: null });
      expect(beforeClosing.tax).toMatchObject({
        available: false,
        unavailableReason: 'service_closed',
      });
      expect(lunch.body.map((s) => s.unavailableReason)).toEqual(Array(9).fill('centre_closed'));
      expect(lunch.body.every((s) => !s.available)).toBe(true);
    });

    test('a refused request writes nothing and numbering continues without a gap', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      f.clock.set(at('12:00'));
      const seqBefore = await currentSeq(f.anonymous);

      // Act
      const refused = await f.anonymous.post('/api/tickets', { serviceId: DKKD });
      const seqAfter = await currentSeq(f.anonymous);
      f.clock.set(at('13:30'));
      const next = await issue(f.anonymous, DKKD);

      // Assert
      expect(errorOf(refused, 422).code).toBe('centre_closed');
      expect(seqAfter).toBe(seqBefore);
      expect(next.ticket.number).toBe('A002');
    });
  });

  describe('daily cap', () => {
    beforeEach(async () => {
      f = await startQueueFixture(new ManualClock(at('09:00')));
      staffCounters(f.server);
    });

    test('refuses the ticket past the cap with 422 daily_cap_reached, even without hours', async () => {
      // Arrange
      setServiceLimit(f.server, 'daily_cap', DKKD, 2);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      const seqBefore = await currentSeq(f.anonymous);

      // Act
      const third = await f.anonymous.post('/api/tickets', { serviceId: DKKD });
      const otherService = await f.anonymous.post('/api/tickets', { serviceId: THUE });

      // Assert
      expect(errorOf(third, 422)).toEqual({
        code: 'daily_cap_reached',
        message: expect.stringMatching(/hết số/),
      });
      expect(otherService.status).toBe(201);
      expect(await currentSeq(f.anonymous)).toBe(seqBefore + 1);
      expect(await serviceView(DKKD)).toMatchObject({
        available: false,
        unavailableReason: 'daily_cap_reached',
      });
      expect(await serviceView(THUE)).toMatchObject({ available: true });
    });

    test('counts tickets issued, not tickets waiting, and starts again the next day', async () => {
      // Arrange
      setServiceLimit(f.server, 'daily_cap', DKKD, 1);
      const { ticket } = await issue(f.anonymous, DKKD);
      await f.admin.post(`/api/tickets/${ticket.id}/cancel`, { reason: 'Nhầm lĩnh vực' });

      // Act
      const sameDay = await f.anonymous.post('/api/tickets', { serviceId: DKKD });
      f.clock.set(at('09:00', '2026-11-28'));
      const nextDay = await issue(f.anonymous, DKKD);

      // Assert
      expect(errorOf(sameDay, 422).code).toBe('daily_cap_reached');
      expect(nextDay.ticket).toMatchObject({ number: 'A001', day: '2026-11-28' });
    });
  });

  describe('day end across midnight', () => {
    /**
     * At 23:59 on Friday: A001 no-show, A002 done, A003 parked, A004 called at
     * counter 1, A005 waiting, G001 waiting. Returns the ids by number.
     */
    async function leaveTicketsOpenAtMidnight(): Promise<Record<string, number>> {
      f = await startQueueFixture(new ManualClock(at('23:59')));
      staffCounters(f.server);
      const ids: Record<string, number> = {};
      for (let i = 0; i < 5; i++) {
        const { ticket } = await issue(f.anonymous, DKKD);
        ids[ticket.number] = ticket.id;
      }
      ids.G001 = (await issue(f.anonymous, THUE)).ticket.id;
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'no-show');
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');
      await act(f.admin, 1, 'finish');
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'park');
      await act(f.admin, 1, 'call-next');
      return ids;
    }

    const EXPIRING = ['A003', 'A004', 'A005', 'G001'];

    async function statuses(ids: Record<string, number>): Promise<Record<string, string>> {
      const result: Record<string, string> = {};
      for (const [number, id] of Object.entries(ids))
        result[number] = (await ticketById(f.anonymous, id)).status;
      return result;
    }

    const expiredNumbers = (events: FeedEnvelope[]) =>
      events.filter((e) => e.type === 'ticket:expired').map((e) => e.payload.ticket.number);

    test('the first command after midnight expires open tickets, each announced, and restarts at A001', async () => {
      // Arrange
      const ids = await leaveTicketsOpenAtMidnight();
      const screen = await connect();
      f.clock.set(at('00:01', '2026-11-28'));

      // Act
      const first = await issue(f.anonymous, DKKD);

      // Assert
      expect(first.ticket).toMatchObject({ number: 'A001', day: '2026-11-28' });
      await screen.waitFor(() => screen.received.some((e) => e.type === 'ticket:issued'));
      expect(screen.received.map((e) => e.type)).toEqual([
        ...EXPIRING.map(() => 'ticket:expired'),
        'ticket:issued',
      ]);
      expect(expiredNumbers(screen.received)).toEqual(EXPIRING);
      expect(await statuses(ids)).toEqual({
        A001: 'no_show',
        A002: 'done',
        A003: 'expired',
        A004: 'expired',
        A005: 'expired',
        G001: 'expired',
      });
      expect((await counterById(f.anonymous, 1)).currentTicket).toBeNull();
      expect((await serviceView(DKKD))?.waiting).toBe(1);
    });

    test('rollOver() expires nothing at 23:59:59.999 and everything open at midnight', async () => {
      // Arrange
      const ids = await leaveTicketsOpenAtMidnight();
      const screen = await connect();
      const { dayEnd } = f.server.server.application;

      // Act
      f.clock.set(at('00:00', '2026-11-28') - 1);
      const beforeMidnight = dayEnd.rollOver();
      f.clock.set(at('00:00', '2026-11-28'));
      const atMidnight = dayEnd.rollOver();
      const again = dayEnd.rollOver();

      // Assert
      expect([beforeMidnight, atMidnight, again]).toEqual([0, 4, 0]);
      await screen.waitFor(() => screen.received.length >= 4);
      expect(expiredNumbers(screen.received)).toEqual(EXPIRING);
      expect((await statuses(ids)).A004).toBe('expired');
      expect((await issue(f.anonymous, THUE)).ticket.number).toBe('G001');
    });

    test('a clerk calling after midnight never gets a ticket of yesterday', async () => {
      // Arrange
      await leaveTicketsOpenAtMidnight();
      f.clock.set(at('00:01', '2026-11-28'));

      // Act
      const response = await f.admin.post('/api/counters/1/call-next');

      // Assert
      expect(errorOf(response, 404).code).toBe('queue_empty');
    });

    test('a restart from 23:59 to 00:01 expires yesterday’s open tickets at start', async () => {
      // Arrange
      const ids = await leaveTicketsOpenAtMidnight();
      const seqBefore = await currentSeq(f.anonymous);
      const { dataDir } = f.server;
      await f.server.stop();
      const clock = new ManualClock(at('00:01', '2026-11-28'));

      // Act
      f = await startQueueFixture(clock, dataDir);
      staffCounters(f.server);

      // Assert
      expect(await statuses(ids)).toMatchObject({
        A001: 'no_show',
        A003: 'expired',
        A004: 'expired',
        A005: 'expired',
      });
      const screen = await connect();
      const synced: Ack<SyncResult> = await screen.socket
        .timeout(5000)
        .emitWithAck('sync', { sinceSeq: seqBefore });
      if (!('data' in synced) || synced.data.kind !== 'events') throw new Error('expected events');
      expect(expiredNumbers(synced.data.events)).toEqual(EXPIRING);
      expect((await issue(f.anonymous, DKKD)).ticket.number).toBe('A001');
    });

    test('a ticket still served at midnight does not inflate the next morning’s estimate', async () => {
      // Arrange: counter 1 starts serving at 23:59 and nobody presses finish.
      f = await startQueueFixture(new ManualClock(at('23:59')));
      staffCounters(f.server);
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');
      f.clock.set(at('07:30', '2026-11-28'));
      for (let i = 0; i < 3; i++) await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const next = await issue(f.anonymous, DKKD);

      // Assert: two ahead, each at most the demo's 12 default minutes, one counter.
      expect(next.ahead).toBe(2);
      expect(next.estimatedWaitMinutes).toBeLessThanOrEqual(2 * 12);
    });

    test('a no-show of yesterday cannot be re-queued today (409) and leaves today’s lists', async () => {
      // Arrange
      const ids = await leaveTicketsOpenAtMidnight();
      f.clock.set(at('08:00', '2026-11-28'));

      // Act
      const response = await f.admin.post(`/api/tickets/${ids.A001}/requeue`);
      const noShows = await f.admin.get<unknown[]>('/api/tickets?list=no-show');

      // Assert
      expect(errorOf(response, 409).code).toBe('invalid_transition');
      expect((await ticketById(f.anonymous, ids.A001 ?? 0)).status).toBe('no_show');
      expect(noShows.body).toEqual([]);
    });
  });
});
