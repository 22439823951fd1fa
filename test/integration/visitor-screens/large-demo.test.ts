import type { IssueTicketResponse, StateSnapshot } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import {
  LARGE_CENTRE_FIELDS,
  LARGE_CENTRE_SERVICES,
  startLargeCentreServer,
} from '../../support/large-centre';
import { expectStatus } from '../../support/queue-helpers';
import { startTestServer, type TestServer } from '../../support/test-server';

describe('LUOT_DEMO=large', () => {
  let server: TestServer;
  let state: StateSnapshot;

  beforeAll(async () => {
    server = await startLargeCentreServer();
    state = expectStatus(await new ApiClient(server.url).get<StateSnapshot>('/api/state'), 200);
  });

  afterAll(() => server.stop());

  test('seeds 40 services and 40 counters, counter n serving service n first', () => {
    expect(state.services).toHaveLength(40);
    expect(state.counters).toHaveLength(40);
    expect(state.counters.map((c) => c.number)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    for (const [index, counter] of state.counters.entries())
      expect(counter.serviceIds[0]).toBe(state.services[index]?.id);
    const served = new Set(state.counters.flatMap((c) => c.serviceIds));
    expect(state.services.filter((s) => !served.has(s.id))).toEqual([]);
  });

  test('gives every service a unique two-letter prefix and a Vietnamese and English name', () => {
    const prefixes = state.services.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(40);
    for (const service of state.services) {
      expect(service.prefix).toMatch(/^[A-Z]{2}$/);
      expect(service.name.normalize('NFC')).toBe(service.name);
      expect(service.nameEn).not.toBe('');
    }
    expect(state.services.map((s) => s.name)).toContain('Đăng ký thành lập doanh nghiệp');
    expect(state.services.map((s) => s.prefix)).toEqual(LARGE_CENTRE_SERVICES.map((s) => s.prefix));
  });

  test('hangs the services under 12 fields, three of them split into procedure groups', () => {
    const fields = state.serviceGroups.filter((g) => g.parentId === null);
    const groups = state.serviceGroups.filter((g) => g.parentId !== null);
    expect(fields.map((g) => g.name)).toEqual(LARGE_CENTRE_FIELDS.map((field) => field.name));
    expect(fields.map((g) => g.name)).toEqual(
      expect.arrayContaining(['Đất đai', 'Hộ tịch', 'Đăng ký kinh doanh', 'Bảo hiểm xã hội']),
    );
    expect(new Set(groups.map((g) => g.parentId)).size).toBe(3);
    const known = new Set(state.serviceGroups.map((g) => g.id));
    const topLevel = state.services.filter((s) => s.groupId === null);
    expect(topLevel.map((s) => s.name)).toEqual(['Trả kết quả']);
    expect(state.services.every((s) => s.groupId === null || known.has(s.groupId))).toBe(true);
    // A field split into groups has no service directly under it.
    for (const group of groups)
      expect(state.services.some((s) => s.groupId === group.parentId)).toBe(false);
  });

  test('issues numbers that no other service can have', async () => {
    const client = new ApiClient(server.url);
    const numbers: string[] = [];
    for (const service of state.services.slice(0, 5)) {
      const body = expectStatus(
        await client.post<IssueTicketResponse>('/api/tickets', { serviceId: service.id }),
        201,
      );
      numbers.push(body.ticket.number);
    }
    expect(numbers).toEqual(state.services.slice(0, 5).map((s) => `${s.prefix}001`));
  });
});

describe('LUOT_DEMO unset', () => {
  test('keeps the 9-service flat demo', async () => {
    const server = await startTestServer();
    try {
      const state = expectStatus(
        await new ApiClient(server.url).get<StateSnapshot>('/api/state'),
        200,
      );
      expect(state.services).toHaveLength(9);
      expect(state.serviceGroups).toEqual([]);
      expect(state.counters).toHaveLength(12);
    } finally {
      await server.stop();
    }
  });
});
