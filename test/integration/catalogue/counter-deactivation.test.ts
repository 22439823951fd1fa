import type { AuditPage, CatalogueResponse, CentreConfig } from '../../../server/src/contract';
import { addClerk, expectStatus, useQueueFixture } from '../../support/queue-helpers';
import { useEmptyCentre } from './support';

describe('a counter taken out of service while a clerk holds it', () => {
  const { f } = useQueueFixture();

  const forcedSignOuts = async () =>
    expectStatus(await f.admin.get<AuditPage>('/api/audit?limit=200'), 200).entries.filter(
      (e) => e.action === 'counter.force_sign_out',
    );

  test.each([
    ['PATCH active=false', 'PATCH', { active: false }],
    ['DELETE of a counter in use', 'DELETE', undefined],
  ] as const)('%s signs the clerk out with its own audit line', async (_name, method, body) => {
    const clerk = await addClerk(f.server, 'can-bo-quay-2');
    expectStatus(await clerk.post('/api/counters/2/sign-in'), 200);

    const answer = await f.admin.request<{ counter: { active: boolean } }>(
      method,
      '/api/counters/2',
      body ? { body } : {},
    );

    expect(expectStatus(answer, 200).counter.active).toBe(false);
    expect(await forcedSignOuts()).toEqual([
      expect.objectContaining({
        target: 'counter:2',
        details: expect.objectContaining({
          reason: 'counter_deactivated',
          heldByName: 'can-bo-quay-2',
          number: 2,
        }),
      }),
    ]);
  });

  test('one nobody holds is deactivated without a sign-out line', async () => {
    expectStatus(
      await f.admin.request('PATCH', '/api/counters/3', { body: { active: false } }),
      200,
    );

    expect(await forcedSignOuts()).toEqual([]);
  });
});

describe('a replacing POST /api/config/import of 200 counters and 400 services', () => {
  const { f } = useEmptyCentre();

  const prefixOf = (i: number) => `P${i.toString(36).toUpperCase().padStart(2, '0')}`;

  /** 400 services S0001…, 200 counters each calling two of them in two tiers. */
  function big(base: CentreConfig, counterName: (n: number) => string): CentreConfig {
    const services = Array.from({ length: 400 }, (_, i) => ({
      code: `S${String(i + 1).padStart(4, '0')}`,
      name: `Thủ tục số ${i + 1}`,
      nameEn: '',
      prefix: prefixOf(i),
      group: null,
      numberRange: null,
      targetWaitMinutes: 15,
      dailyCap: null,
      cutOff: null,
      active: true,
      sortOrder: i,
    }));
    const counters = Array.from({ length: 200 }, (_, i) => ({
      number: i + 1,
      name: counterName(i + 1),
      active: true,
      tiers: [[services[2 * i]!.code], [services[2 * i + 1]!.code]],
    }));
    return { ...base, serviceGroups: [], services, counters };
  }

  test('writes every counter with its tiers, and retires what the document leaves out', async () => {
    const base = expectStatus(await f.admin.get<CentreConfig>('/api/config/export'), 200);
    expectStatus(
      await f.admin.post(
        '/api/config/import',
        big(base, (n) => `Quầy ${n}`),
      ),
      200,
    );
    const second = big(base, (n) => `Bàn ${n}`);
    second.counters = second.counters.slice(0, 199);

    const result = expectStatus(
      await f.admin.post<{ counters: object; services: object }>(
        '/api/config/import?replace=true',
        second,
      ),
      200,
    );

    expect(result.counters).toEqual({ created: 0, updated: 199, unchanged: 0, retired: 1 });
    expect(result.services).toEqual({ created: 0, updated: 0, unchanged: 400, retired: 0 });
    const catalogue = expectStatus(await f.admin.get<CatalogueResponse>('/api/catalogue'), 200);
    const codeOf = new Map(catalogue.services.map((s) => [s.id, s.code]));
    expect(catalogue.counters).toHaveLength(199);
    expect(
      catalogue.counters.map((c) => ({
        number: c.number,
        name: c.name,
        tiers: c.tiers.map((tier) => tier.map((id) => codeOf.get(id))),
      })),
    ).toEqual(second.counters.map((c) => ({ number: c.number, name: c.name, tiers: c.tiers })));
  });
});
