import type { AuditPage, Service, ServiceConfig } from '../../../server/src/contract';
import { errorOf, expectStatus, issue } from '../../support/queue-helpers';
import { addClerk, createGroup, createService, useEmptyCentre } from './support';

const { f } = useEmptyCentre();

const kioskServices = async () =>
  expectStatus(await f.anonymous.get<Service[]>('/api/services'), 200);

describe('POST /api/services', () => {
  test('creates a service with every field and lists it at the kiosk', async () => {
    const group = await createGroup(f.admin, { name: 'Hộ tịch', nameEn: 'Civil status' });
    const service = await createService(f.admin, {
      name: 'Đăng ký khai sinh',
      nameEn: 'Birth registration',
      prefix: 'A',
      groupId: group.id,
      numberRange: { from: 1001, to: 1999 },
      targetWaitMinutes: 20,
      dailyCap: 300,
      cutOff: 30,
    });
    expect(service).toMatchObject({
      code: 'DKKS',
      name: 'Đăng ký khai sinh',
      nameEn: 'Birth registration',
      prefix: 'A',
      groupId: group.id,
      numberRange: { from: 1001, to: 1999 },
      targetWaitMinutes: 20,
      dailyCap: 300,
      cutOff: 30,
      active: true,
    });
    const listed = await kioskServices();
    expect(listed.map((s) => [s.id, s.code, s.groupId, s.targetWaitMinutes])).toEqual([
      [service.id, 'DKKS', group.id, 20],
    ]);
  });

  test('derives a unique code from the name when none is given', async () => {
    const first = await createService(f.admin, { name: 'Đăng ký kết hôn', prefix: 'B' });
    const second = await createService(f.admin, { name: 'đăng ký - kinh  hộ', prefix: 'C' });
    const third = await createService(f.admin, { name: 'Cấp đổi hộ chiếu 2024', prefix: 'D' });
    const symbols = await createService(f.admin, { name: '★ ★', prefix: 'E' });
    expect([first.code, second.code, third.code, symbols.code]).toEqual([
      'DKKH',
      'DKKH2',
      'CDHC2024',
      'DV',
    ]);
  });

  test('refuses a code another service holds', async () => {
    await createService(f.admin, { name: 'Thuế', prefix: 'T', code: 'THUE' });
    const refused = await f.admin.post('/api/services', {
      name: 'Thuế 2',
      prefix: 'U',
      code: 'THUE',
    });
    expect(errorOf(refused, 409).code).toBe('code_taken');
  });

  test('refuses a shared prefix unless both ranges are set and apart', async () => {
    await createService(f.admin, {
      name: 'Một',
      prefix: 'A',
      numberRange: { from: 1001, to: 1999 },
    });
    const open = await f.admin.post('/api/services', { name: 'Hai', prefix: 'A' });
    expect(errorOf(open, 409).code).toBe('prefix_taken');
    const overlapping = await f.admin.post('/api/services', {
      name: 'Ba',
      prefix: 'A',
      numberRange: { from: 1999, to: 2999 },
    });
    expect(errorOf(overlapping, 409).code).toBe('prefix_taken');
    const apart = await createService(f.admin, {
      name: 'Bốn',
      prefix: 'A',
      numberRange: { from: 2000, to: 2999 },
    });
    expect(apart.numberRange).toEqual({ from: 2000, to: 2999 });
    // Widening the second range onto the first is refused the same way.
    const widened = await f.admin.request('PATCH', `/api/services/${apart.id}`, {
      body: { numberRange: { from: 1500, to: 2999 } },
    });
    expect(errorOf(widened, 409).code).toBe('prefix_taken');
  });

  test('refuses an unknown group', async () => {
    const refused = await f.admin.post('/api/services', { name: 'X', prefix: 'X', groupId: 999 });
    expect(errorOf(refused, 404).code).toBe('service_group_not_found');
  });

  test.each([
    ['a bidi override in the name', { name: 'Thuế\u202Egnaht', prefix: 'T' }],
    ['a control character in the English name', { name: 'Thuế', nameEn: 'Tax\u0007', prefix: 'T' }],
    ['a zero-width space', { name: 'Th\u200Buế', prefix: 'T' }],
    ['an empty name', { name: '   ', prefix: 'T' }],
    ['a name of 201 characters', { name: 'a'.repeat(201), prefix: 'T' }],
    ['a prefix with a Vietnamese letter', { name: 'Thuế', prefix: 'Đ' }],
    ['a four-letter prefix', { name: 'Thuế', prefix: 'THUE' }],
    ['a code with a diacritic', { name: 'Thuế', prefix: 'T', code: 'THUẾ' }],
    ['a range upside down', { name: 'Thuế', prefix: 'T', numberRange: { from: 9, to: 1 } }],
    ['a range past 999999', { name: 'Thuế', prefix: 'T', numberRange: { from: 1, to: 1e6 } }],
    ['a fractional target wait', { name: 'Thuế', prefix: 'T', targetWaitMinutes: 1.5 }],
    ['a cut-off past 240 minutes', { name: 'Thuế', prefix: 'T', cutOff: 241 }],
    ['an unknown field', { name: 'Thuế', prefix: 'T', agency: 'Cục Thuế' }],
    ['no prefix', { name: 'Thuế' }],
    ['an array as the body', [{ name: 'Thuế', prefix: 'T' }]],
  ])('refuses %s with 400 validation_failed', async (_case, body) => {
    const refused = await f.admin.post('/api/services', body);
    expect(errorOf(refused, 400).code).toBe('validation_failed');
    expect(await kioskServices()).toEqual([]);
  });

  test('stores a name typed decomposed (NFD) as NFC', async () => {
    const service = await createService(f.admin, { name: 'Thuế'.normalize('NFD'), prefix: 'T' });
    expect(service.name).toBe('Thuế'.normalize('NFC'));
  });

  test('answers a retry with the same key once, and refuses the key for another body', async () => {
    const headers = { 'Idempotency-Key': 'create-thue-1' };
    const body = { name: 'Thuế', prefix: 'T' };
    const first = await f.admin.post<{ service: ServiceConfig }>('/api/services', body, headers);
    const retry = await f.admin.post<{ service: ServiceConfig }>('/api/services', body, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await kioskServices()).toHaveLength(1);
    const other = await f.admin.post('/api/services', { name: 'Khác', prefix: 'K' }, headers);
    expect(errorOf(other, 422).code).toBe('idempotency_mismatch');
  });

  test('audits the change with who made it', async () => {
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    const me = expectStatus(await f.admin.get<{ user: { id: number } }>('/api/auth/me'), 200);
    const page = expectStatus(await f.admin.get<AuditPage>('/api/audit'), 200);
    expect(page.entries.find((e) => e.action === 'service.create')).toMatchObject({
      target: `service:${service.id}`,
      staffId: me.user.id,
      details: { name: 'Thuế', prefix: 'T', code: 'T' },
    });
  });
});

describe('PATCH /api/services/:id', () => {
  test('changes the given fields, clears the nulls and keeps the rest', async () => {
    const service = await createService(f.admin, {
      name: 'Thuế',
      prefix: 'T',
      dailyCap: 50,
      numberRange: { from: 1, to: 500 },
    });
    const patched = expectStatus(
      await f.admin.request<{ service: ServiceConfig }>('PATCH', `/api/services/${service.id}`, {
        body: { nameEn: 'Tax', dailyCap: null, numberRange: null, sortOrder: 7 },
      }),
      200,
    ).service;
    expect(patched).toEqual({
      ...service,
      nameEn: 'Tax',
      dailyCap: null,
      numberRange: null,
      sortOrder: 7,
    });
  });

  test('answers 404 for an unknown or malformed id and 400 for an empty patch', async () => {
    const unknown = await f.admin.request('PATCH', '/api/services/999', { body: { name: 'X' } });
    expect(errorOf(unknown, 404).code).toBe('service_not_found');
    const malformed = await f.admin.request('PATCH', '/api/services/abc', { body: { name: 'X' } });
    expect(errorOf(malformed, 404).code).toBe('service_not_found');
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    const empty = await f.admin.request('PATCH', `/api/services/${service.id}`, { body: {} });
    expect(errorOf(empty, 400).code).toBe('validation_failed');
  });

  test('checks the prefix again when an inactive service comes back', async () => {
    const old = await createService(f.admin, { name: 'Cũ', prefix: 'A' });
    await f.admin.request('PATCH', `/api/services/${old.id}`, { body: { active: false } });
    await createService(f.admin, { name: 'Mới', prefix: 'A' });
    const back = await f.admin.request('PATCH', `/api/services/${old.id}`, {
      body: { active: true },
    });
    expect(errorOf(back, 409).code).toBe('prefix_taken');
  });
});

describe('DELETE /api/services/:id', () => {
  test('removes a service nothing refers to', async () => {
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    const removed = await f.admin.request('DELETE', `/api/services/${service.id}`);
    expect(expectStatus(removed, 200)).toEqual({ deleted: true });
    const again = await f.admin.request('DELETE', `/api/services/${service.id}`);
    expect(errorOf(again, 404).code).toBe('service_not_found');
  });

  test('deactivates a service with tickets instead, says so, and the kiosk drops it', async () => {
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    await issue(f.anonymous, service.id);
    const answer = expectStatus(
      await f.admin.request<{ service: ServiceConfig; deactivated: true }>(
        'DELETE',
        `/api/services/${service.id}`,
      ),
      200,
    );
    expect(answer).toEqual({ service: { ...service, active: false }, deactivated: true });
    expect(await kioskServices()).toEqual([]);
    const refused = await f.anonymous.post('/api/tickets', { serviceId: service.id });
    expect(errorOf(refused, 404).code).toBe('service_not_found');
  });

  test('deactivates a service a counter serves', async () => {
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    await f.admin.post('/api/counters', { number: 1, name: 'Quầy 1', tiers: [[service.id]] });
    const answer = await f.admin.request('DELETE', `/api/services/${service.id}`);
    expect(expectStatus(answer, 200)).toMatchObject({ deactivated: true });
  });
});

describe('issuing with a number range', () => {
  test('numbers tickets from the range and refuses once it is used up', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch',
      prefix: 'A',
      numberRange: { from: 1001, to: 1002 },
    });
    const first = await issue(f.anonymous, service.id);
    const second = await issue(f.anonymous, service.id);
    expect([first.ticket.number, second.ticket.number]).toEqual(['A1001', 'A1002']);
    const third = await f.anonymous.post('/api/tickets', { serviceId: service.id });
    expect(errorOf(third, 422).code).toBe('daily_cap_reached');
    const [listed] = await kioskServices();
    expect(listed).toMatchObject({ available: false, unavailableReason: 'daily_cap_reached' });
  });

  test('two services sharing a prefix number apart', async () => {
    const low = await createService(f.admin, {
      name: 'Một',
      prefix: 'A',
      numberRange: { from: 1, to: 499 },
    });
    const high = await createService(f.admin, {
      name: 'Hai',
      prefix: 'A',
      numberRange: { from: 500, to: 999 },
    });
    expect((await issue(f.anonymous, low.id)).ticket.number).toBe('A001');
    expect((await issue(f.anonymous, high.id)).ticket.number).toBe('A500');
  });
});

describe('who may change the catalogue', () => {
  test('a clerk and a supervisor get 403 on every write; a supervisor reads it', async () => {
    const service = await createService(f.admin, { name: 'Thuế', prefix: 'T' });
    const clerk = await addClerk(f.server, 'lan');
    const supervisor = await addClerk(f.server, 'minh', 'supervisor');
    for (const client of [clerk, supervisor]) {
      const writes = [
        await client.post('/api/services', { name: 'X', prefix: 'X' }),
        await client.request('PATCH', `/api/services/${service.id}`, { body: { name: 'X' } }),
        await client.request('DELETE', `/api/services/${service.id}`),
        await client.post('/api/service-groups', { name: 'X' }),
        await client.post('/api/counters', { number: 9, name: 'X', tiers: [] }),
      ];
      expect(writes.map((r) => errorOf(r, 403).code)).toEqual(Array(5).fill('forbidden'));
    }
    expect(errorOf(await clerk.get('/api/catalogue'), 403).code).toBe('forbidden');
    const read = expectStatus(await supervisor.get<{ services: unknown[] }>('/api/catalogue'), 200);
    expect(read.services).toHaveLength(1);
    expect(errorOf(await f.anonymous.get('/api/service-groups'), 401).code).toBe('unauthenticated');
  });
});
