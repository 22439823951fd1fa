import type {
  CatalogueUpdated,
  CounterConfig,
  PublicShapes,
  SyncResult,
} from '../../../server/src/contract';
import { act, expectStatus, issue } from '../../support/queue-helpers';
import { createCounter, createService, useEmptyCentre } from './support';

const { f, connect } = useEmptyCentre(['catalogue:updated']);

/** The `catalogue:updated` payloads a socket has received, in order. */
const catalogueEvents = (socket: Awaited<ReturnType<typeof connect>>) =>
  socket.received.flatMap((e) =>
    e.type === 'catalogue:updated' ? [e.payload as unknown as CatalogueUpdated<PublicShapes>] : [],
  );

describe('catalogue:updated', () => {
  test('brings a new service to an open anonymous screen, after the change commits', async () => {
    const kiosk = await connect();
    expect(kiosk.snapshots[0]?.services).toEqual([]);
    const service = await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A' });
    await kiosk.waitFor(() => catalogueEvents(kiosk).length === 1);
    const [event] = catalogueEvents(kiosk);
    expect(event?.services.map((s) => [s.id, s.name, s.available])).toEqual([
      [service.id, 'Đăng ký khai sinh', true],
    ]);
    expect(event?.seq).toBeGreaterThan(kiosk.snapshots[0]?.seq ?? Infinity);
  });

  test('brings a renamed counter to the hall in its public form', async () => {
    const service = await createService(f.admin, { name: 'Một', prefix: 'A' });
    const other = await createService(f.admin, { name: 'Hai', prefix: 'B' });
    const counter = await createCounter(f.admin, {
      number: 1,
      name: 'Quầy 1',
      tiers: [[service.id], [other.id]],
    });
    await issue(f.anonymous, service.id);
    await act(f.admin, counter.id, 'sign-in', {});
    await act(f.admin, counter.id, 'call-next');
    // The ticket at the desk carries a transfer note: staff's, never the hall's.
    await act(f.admin, counter.id, 'transfer', { serviceId: other.id, note: 'Thiếu bản sao CCCD' });
    await act(f.admin, counter.id, 'call-next');
    const hall = await connect();
    const renamed = await f.admin.request<{ counter: CounterConfig }>(
      'PATCH',
      `/api/counters/${counter.id}`,
      { body: { name: 'Quầy Hộ tịch' } },
    );
    expect(expectStatus(renamed, 200).counter.currentTicket?.note).toBe('Thiếu bản sao CCCD');
    await hall.waitFor(() => catalogueEvents(hall).length === 1);
    const [event] = catalogueEvents(hall);
    expect(event?.counters.map((c) => [c.id, c.name, c.tiers])).toEqual([
      [counter.id, 'Quầy Hộ tịch', [[service.id], [other.id]]],
    ]);
    expect(event?.counters[0]?.currentTicket).toMatchObject({ number: 'A001', note: null });
  });

  test('sends nothing when a change is refused, and replays to a late screen by sync', async () => {
    const hall = await connect();
    await createService(f.admin, { name: 'Một', prefix: 'A' });
    const refused = await f.admin.post('/api/services', { name: 'Hai', prefix: 'A' });
    expect(refused.status).toBe(409);
    await hall.waitFor(() => catalogueEvents(hall).length >= 1);
    await hall.roundTrip();
    expect(catalogueEvents(hall)).toHaveLength(1);
    const since = (hall.snapshots[0]?.seq ?? 0) as number;
    const synced = await hall.socket.emitWithAck('sync', { sinceSeq: since });
    const data = (synced as { data: SyncResult<PublicShapes> }).data;
    expect(data.kind === 'events' && data.events.map((e) => e.type)).toEqual(['catalogue:updated']);
  });

  test('is audited once per change and says nothing on a replayed request', async () => {
    const hall = await connect();
    const headers = { 'Idempotency-Key': 'svc-1' };
    await f.admin.post('/api/services', { name: 'Một', prefix: 'A' }, headers);
    await f.admin.post('/api/services', { name: 'Một', prefix: 'A' }, headers);
    await hall.waitFor(() => catalogueEvents(hall).length >= 1);
    await hall.roundTrip();
    expect(catalogueEvents(hall)).toHaveLength(1);
    const audit = expectStatus(
      await f.admin.get<{ entries: { action: string }[] }>('/api/audit'),
      200,
    );
    expect(audit.entries.filter((e) => e.action === 'service.create')).toHaveLength(1);
  });
});
