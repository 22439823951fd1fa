import type {
  CatalogueResponse,
  Counter,
  CounterConfig,
  ServiceGroupConfig,
  StateSnapshot,
} from '../../../server/src/contract';
import { act, errorOf, expectStatus, issue } from '../../support/queue-helpers';
import { addClerk, createCounter, createGroup, createService, useEmptyCentre } from './support';

const { f } = useEmptyCentre();

describe('/api/service-groups', () => {
  test('creates a field and a procedure group inside it, and lists both', async () => {
    const field = await createGroup(f.admin, { name: 'Tư pháp', nameEn: 'Justice' });
    const group = await createGroup(f.admin, { name: 'Hộ tịch', parentId: field.id });
    expect(group).toMatchObject({ parentId: field.id, name: 'Hộ tịch', nameEn: '', active: true });
    const listed = expectStatus(
      await f.admin.get<ServiceGroupConfig[]>('/api/service-groups'),
      200,
    );
    expect(listed.map((g) => [g.id, g.parentId])).toEqual([
      [field.id, null],
      [group.id, field.id],
    ]);
    const state = expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200);
    expect(state.serviceGroups.map((g) => g.id)).toEqual([field.id, group.id]);
  });

  test('refuses a second level of nesting and an unknown parent', async () => {
    const field = await createGroup(f.admin, { name: 'Tư pháp' });
    const group = await createGroup(f.admin, { name: 'Hộ tịch', parentId: field.id });
    const deeper = await f.admin.post('/api/service-groups', { name: 'X', parentId: group.id });
    expect(errorOf(deeper, 409).code).toBe('group_nesting');
    const other = await createGroup(f.admin, { name: 'Đất đai' });
    // A field with a group inside cannot itself move into a field.
    const moved = await f.admin.request('PATCH', `/api/service-groups/${field.id}`, {
      body: { parentId: other.id },
    });
    expect(errorOf(moved, 409).code).toBe('group_nesting');
    const self = await f.admin.request('PATCH', `/api/service-groups/${other.id}`, {
      body: { parentId: other.id },
    });
    expect(errorOf(self, 409).code).toBe('group_nesting');
    const unknown = await f.admin.post('/api/service-groups', { name: 'X', parentId: 999 });
    expect(errorOf(unknown, 404).code).toBe('service_group_not_found');
  });

  test('renames a group and removes an unused one', async () => {
    const field = await createGroup(f.admin, { name: 'Tư pháp' });
    const renamed = expectStatus(
      await f.admin.request<{ group: ServiceGroupConfig }>(
        'PATCH',
        `/api/service-groups/${field.id}`,
        { body: { name: 'Tư pháp - Hộ tịch', sortOrder: 3 } },
      ),
      200,
    ).group;
    expect(renamed).toMatchObject({ name: 'Tư pháp - Hộ tịch', sortOrder: 3 });
    const removed = await f.admin.request('DELETE', `/api/service-groups/${field.id}`);
    expect(expectStatus(removed, 200)).toEqual({ deleted: true });
  });

  test('deactivates a group a service sits in, which then leaves the kiosk menu', async () => {
    const field = await createGroup(f.admin, { name: 'Tư pháp' });
    await createService(f.admin, { name: 'Khai sinh', prefix: 'A', groupId: field.id });
    const answer = expectStatus(
      await f.admin.request('DELETE', `/api/service-groups/${field.id}`),
      200,
    );
    expect(answer).toEqual({ group: { ...field, active: false }, deactivated: true });
    const state = expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200);
    expect(state.serviceGroups).toEqual([]);
  });
});

describe('/api/counters (admin)', () => {
  test('creates a counter whose tiers round-trip to every reader', async () => {
    const a = await createService(f.admin, { name: 'Một', prefix: 'A' });
    const b = await createService(f.admin, { name: 'Hai', prefix: 'B' });
    const c = await createService(f.admin, { name: 'Ba', prefix: 'C' });
    const counter = await createCounter(f.admin, {
      number: 5,
      name: 'Quầy 5',
      tiers: [[c.id], [a.id, b.id]],
    });
    expect(counter).toMatchObject({
      number: 5,
      name: 'Quầy 5',
      tiers: [[c.id], [a.id, b.id]],
      serviceIds: [c.id, a.id, b.id],
      staff: null,
      active: true,
    });
    const listed = expectStatus(await f.anonymous.get<Counter[]>('/api/counters'), 200);
    expect(listed.map((x) => x.tiers)).toEqual([[[c.id], [a.id, b.id]]]);
    const catalogue = expectStatus(await f.admin.get<CatalogueResponse>('/api/catalogue'), 200);
    expect(catalogue.counters.map((x) => x.tiers)).toEqual([[[c.id], [a.id, b.id]]]);
    const patched = expectStatus(
      await f.admin.request<{ counter: CounterConfig }>('PATCH', `/api/counters/${counter.id}`, {
        body: { tiers: [[a.id], [b.id], [c.id]], name: 'Quầy năm' },
      }),
      200,
    ).counter;
    expect(patched).toMatchObject({ name: 'Quầy năm', tiers: [[a.id], [b.id], [c.id]] });
  });

  test('calls the best tier first', async () => {
    const a = await createService(f.admin, { name: 'Một', prefix: 'A' });
    const b = await createService(f.admin, { name: 'Hai', prefix: 'B' });
    const counter = await createCounter(f.admin, {
      number: 1,
      name: 'Quầy 1',
      tiers: [[b.id], [a.id]],
    });
    await issue(f.anonymous, a.id);
    await issue(f.anonymous, b.id);
    await act(f.admin, counter.id, 'sign-in', {});
    const called = await act<{ ticket: { number: string } }>(f.admin, counter.id, 'call-next');
    expect(called.ticket.number).toBe('B001');
  });

  test.each([
    ['a taken number', 409, 'counter_number_taken', { number: 1, name: 'X', tiers: [] }],
    ['an unknown service', 404, 'service_not_found', { number: 2, name: 'X', tiers: [[999]] }],
    [
      'a service in two tiers',
      400,
      'validation_failed',
      { number: 2, name: 'X', tiers: [[1], [1]] },
    ],
    ['an empty tier', 400, 'validation_failed', { number: 2, name: 'X', tiers: [[]] }],
    [
      'a huge tier list',
      400,
      'validation_failed',
      { number: 2, name: 'X', tiers: Array.from({ length: 11 }, (_, i) => [i + 1]) },
    ],
    [
      'a tier of 301 services',
      400,
      'validation_failed',
      { number: 2, name: 'X', tiers: [Array.from({ length: 301 }, (_, i) => i + 1)] },
    ],
    ['a bidi name', 400, 'validation_failed', { number: 2, name: 'Quầy\u2067 2', tiers: [] }],
    ['a number of 0', 400, 'validation_failed', { number: 0, name: 'X', tiers: [] }],
    ['a text number', 400, 'validation_failed', { number: '2', name: 'X', tiers: [] }],
  ])('refuses %s', async (_case, status, code, body) => {
    const service = await createService(f.admin, { name: 'Một', prefix: 'A' });
    await createCounter(f.admin, { number: 1, name: 'Quầy 1', tiers: [[service.id]] });
    const refused = await f.admin.post('/api/counters', body);
    expect(errorOf(refused, status).code).toBe(code);
  });

  test('removes an unused counter', async () => {
    const counter = await createCounter(f.admin, { number: 3, name: 'Quầy 3', tiers: [] });
    const removed = await f.admin.request('DELETE', `/api/counters/${counter.id}`);
    expect(expectStatus(removed, 200)).toEqual({ deleted: true });
    expect(expectStatus(await f.anonymous.get<Counter[]>('/api/counters'), 200)).toEqual([]);
  });

  test('deactivates a counter a clerk holds, releasing the clerk', async () => {
    const counter = await createCounter(f.admin, { number: 3, name: 'Quầy 3', tiers: [] });
    const clerk = await addClerk(f.server, 'lan');
    await act(clerk, counter.id, 'sign-in', {});
    const answer = expectStatus(
      await f.admin.request<{ counter: CounterConfig; deactivated: true }>(
        'DELETE',
        `/api/counters/${counter.id}`,
      ),
      200,
    );
    expect(answer).toMatchObject({
      counter: { id: counter.id, active: false, staff: null, status: 'closed' },
      deactivated: true,
    });
    expect(expectStatus(await f.anonymous.get<Counter[]>('/api/counters'), 200)).toEqual([]);
    const back = await f.admin.request<{ counter: CounterConfig }>(
      'PATCH',
      `/api/counters/${counter.id}`,
      { body: { active: true } },
    );
    expect(expectStatus(back, 200).counter.active).toBe(true);
  });

  test('refuses to take away a counter with a visitor at it', async () => {
    const service = await createService(f.admin, { name: 'Một', prefix: 'A' });
    const counter = await createCounter(f.admin, {
      number: 1,
      name: 'Quầy 1',
      tiers: [[service.id]],
    });
    await issue(f.anonymous, service.id);
    await act(f.admin, counter.id, 'sign-in', {});
    await act(f.admin, counter.id, 'call-next');
    const refused = await f.admin.request('DELETE', `/api/counters/${counter.id}`);
    expect(errorOf(refused, 409).code).toBe('counter_busy');
    const patched = await f.admin.request('PATCH', `/api/counters/${counter.id}`, {
      body: { active: false },
    });
    expect(errorOf(patched, 409).code).toBe('counter_busy');
  });
});
