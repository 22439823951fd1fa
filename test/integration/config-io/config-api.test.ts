import type { CatalogueResponse, CentreConfig, ImportResult } from '../../../server/src/contract';
import type { ImportFailedBody } from '../../../server/src/contract/config';
import { addStaff, signedIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { errorOf, expectStatus, SERVICE } from '../../support/queue-helpers';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { TINY_PNG, cookieOf } from './support';

const withoutDate = ({ exportedAt: _at, ...config }: CentreConfig) => config;

async function adminOf(server: TestServer): Promise<ApiClient> {
  const admin = new ApiClient(server.url);
  await admin.login(server.adminUsername, server.adminPassword);
  return admin;
}

async function exported(admin: ApiClient): Promise<CentreConfig> {
  return expectStatus(await admin.get<CentreConfig>('/api/config/export'), 200);
}

describe('GET /api/config/export, POST /api/config/import', () => {
  let demo: TestServer;
  let empty: TestServer;
  let demoAdmin: ApiClient;
  let emptyAdmin: ApiClient;

  beforeEach(async () => {
    demo = await startTestServer({ clock: new ManualClock() });
    empty = await startTestServer({ clock: new ManualClock(), env: { LUOT_DEMO: '0' } });
    demoAdmin = await adminOf(demo);
    emptyAdmin = await adminOf(empty);
  });

  afterEach(async () => {
    await demo.stop();
    await empty.stop();
  });

  test('round trip: what one centre exports, an empty one imports and exports the same', async () => {
    const cookie = await cookieOf(demo, demo.adminUsername, demo.adminPassword);
    const put = await fetch(`${demo.url}/api/centre/logo`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'image/png' },
      body: TINY_PNG,
    });
    expect(put.status).toBe(200);
    expectStatus(
      await demoAdmin.request('PATCH', '/api/settings', {
        body: { tickerText: 'Giờ làm việc: 7 giờ 30 – 17 giờ', recallLimit: 4 },
      }),
      200,
    );
    const field = expectStatus(
      await demoAdmin.post<{ group: { id: number } }>('/api/service-groups', {
        name: 'Tư pháp',
        nameEn: 'Justice',
      }),
      201,
    ).group;
    const group = expectStatus(
      await demoAdmin.post<{ group: { id: number } }>('/api/service-groups', {
        name: 'Hộ tịch',
        parentId: field.id,
      }),
      201,
    ).group;
    expectStatus(
      await demoAdmin.request('PATCH', `/api/services/${SERVICE.TPLL}`, {
        body: {
          groupId: group.id,
          numberRange: { from: 1001, to: 1999 },
          dailyCap: 80,
          cutOff: 30,
        },
      }),
      200,
    );
    expectStatus(
      await demoAdmin.post('/api/counters', {
        number: 42,
        name: 'Quầy tư pháp',
        tiers: [[SERVICE.TPLL], [SERVICE.DKKD, SERVICE.THUE]],
      }),
      201,
    );
    const response = await demoAdmin.get<CentreConfig>('/api/config/export');
    const original = expectStatus(response, 200);
    // The ManualClock's instant, 02:00 UTC, is 27 November in Vietnam.
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="luot-config-2026-11-27.json"',
    );
    expect(original).toMatchObject({ format: 'luot-config', version: 1 });
    expect(original.services.length).toBeGreaterThan(5);
    expect(original.serviceGroups).toEqual([
      { ref: 'G1', parent: null, name: 'Tư pháp', nameEn: 'Justice', sortOrder: 0, active: true },
      { ref: 'G2', parent: 'G1', name: 'Hộ tịch', nameEn: '', sortOrder: 1, active: true },
    ]);
    expect(original.services.find((s) => s.code === 'TPLL')).toMatchObject({
      group: 'G2',
      numberRange: { from: 1001, to: 1999 },
      dailyCap: 80,
      cutOff: 30,
    });
    expect(original.counters.find((c) => c.number === 42)?.tiers).toEqual([
      ['TPLL'],
      ['DKKD', 'THUE'],
    ]);
    expect(original.logo?.base64).toBe(TINY_PNG.toString('base64'));
    // No tickets, no accounts, no secrets.
    expect(JSON.stringify(original)).not.toMatch(/password|token|"tickets"|"staff"/i);

    const imported = await emptyAdmin.post<ImportResult>('/api/config/import', original);

    expect(expectStatus(imported, 200).services.created).toBe(original.services.length);
    expect(withoutDate(await exported(emptyAdmin))).toEqual(withoutDate(original));
    const settings = expectStatus(
      await emptyAdmin.get<{ recallLimit: number }>('/api/settings'),
      200,
    );
    expect(settings.recallLimit).toBe(4);
  });

  test('refuses a centre that has services or counters with 409, and replaces with ?replace=true', async () => {
    const ticket = await demoAdmin.issue(SERVICE.DKKD);
    const config = await exported(demoAdmin);

    const refused = await demoAdmin.post('/api/config/import', config);
    expect(errorOf(refused, 409).code).toBe('centre_not_empty');

    const dkkd = config.services.find((s) => s.code === 'DKKD')!;
    const kept = config.services.filter((s) => s !== dkkd).slice(0, 2);
    const changed: CentreConfig = {
      ...config,
      settings: { ...config.settings, recallLimit: 1 },
      services: kept.map((s, index) => (index === 0 ? { ...s, name: 'Chứng thực bản sao' } : s)),
      counters: [{ number: 1, name: 'Quầy một', active: true, tiers: [[kept[0]!.code]] }],
    };
    const replaced = await demoAdmin.post<ImportResult>('/api/config/import?replace=true', changed);
    const result = expectStatus(replaced, 200);

    expect(result.services).toMatchObject({ updated: 1, unchanged: 1 });
    const after = await exported(demoAdmin);
    expect(after.settings.recallLimit).toBe(1);
    expect(after.services.find((s) => s.code === kept[0]!.code)?.name).toBe('Chứng thực bản sao');
    // The service a ticket refers to stays, deactivated; the ticket still names it.
    expect(after.services.find((s) => s.code === 'DKKD')?.active).toBe(false);
    const active = after.services.filter((s) => s.active).map((s) => s.code);
    expect(active.sort()).toEqual(kept.map((s) => s.code).sort());
    expect(after.counters.filter((c) => c.active)).toEqual([
      { number: 1, name: 'Quầy một', active: true, tiers: [[kept[0]!.code]] },
    ]);
    const stored = expectStatus(
      await demoAdmin.get<{ ticket: { serviceId: number } }>(`/api/tickets/${ticket.ticket.id}`),
      200,
    );
    expect(stored.ticket.serviceId).toBe(SERVICE.DKKD);
  });

  test('writes nothing when an entry is wrong, and names each problem', async () => {
    const config = await exported(demoAdmin);
    const [first, second] = config.services;
    const broken: CentreConfig = {
      ...config,
      settings: { ...config.settings, recallLimit: 2 },
      services: [
        { ...first!, numberRange: null },
        { ...second!, prefix: first!.prefix, numberRange: null },
      ],
      counters: [{ number: 1, name: 'Quầy 1', active: true, tiers: [['KHONGCO']] }],
      serviceGroups: [],
    };
    broken.services = broken.services.map((s) => ({ ...s, group: null }));

    const unknown = await emptyAdmin.post('/api/config/import', broken);
    const body = expectStatus(unknown, 422) as ImportFailedBody;
    expect(body.error.code).toBe('import_failed');
    expect(body.error.rows).toEqual([
      expect.objectContaining({
        column: 'counters.0.tiers',
        code: 'unknown_service',
        detail: 'KHONGCO',
      }),
    ]);

    broken.counters = [];
    const clash = await emptyAdmin.post('/api/config/import', broken);
    expect((expectStatus(clash, 422) as ImportFailedBody).error.rows).toEqual([
      expect.objectContaining({ column: 'services.0.prefix', code: 'prefix_taken' }),
      expect.objectContaining({ column: 'services.1.prefix', code: 'prefix_taken' }),
    ]);

    const invalid = await emptyAdmin.post('/api/config/import', {
      ...broken,
      services: [{ ...first!, group: null, targetWaitMinutes: 0 }],
    });
    const rows = (expectStatus(invalid, 422) as ImportFailedBody).error.rows;
    expect(rows).toEqual([
      expect.objectContaining({ column: 'services.0.targetWaitMinutes', code: 'invalid' }),
    ]);
    expect(rows[0]!.message).toBe('Giá trị không hợp lệ.');

    const catalogue = expectStatus(await emptyAdmin.get<CatalogueResponse>('/api/catalogue'), 200);
    expect(catalogue.services).toEqual([]);
    const settings = expectStatus(
      await emptyAdmin.get<{ recallLimit: number }>('/api/settings'),
      200,
    );
    expect(settings.recallLimit).not.toBe(2);
  });

  test('imports a 300-service configuration, well past the 16 kB JSON limit, in one command', async () => {
    const config = await exported(emptyAdmin);
    config.services = Array.from({ length: 300 }, (_, i) => ({
      code: `TT${i + 1}`,
      name: `Thủ tục hành chính số ${i + 1}`,
      nameEn: `Procedure ${i + 1}`,
      prefix: 'A',
      group: null,
      numberRange: { from: i * 100 + 1, to: i * 100 + 99 },
      targetWaitMinutes: 20,
      dailyCap: null,
      cutOff: null,
      active: true,
      sortOrder: i,
    }));
    expect(JSON.stringify(config).length).toBeGreaterThan(16 * 1024);

    const imported = await emptyAdmin.post<ImportResult>('/api/config/import', config);

    expect(expectStatus(imported, 200).services.created).toBe(300);
    const audit = expectStatus(
      await emptyAdmin.get<{ entries: { action: string }[] }>('/api/audit?limit=200'),
      200,
    );
    expect(audit.entries.filter((e) => e.action === 'config.import')).toHaveLength(1);
  });

  test('lets supervisors export, only admins import, and clerks neither', async () => {
    await addStaff(demo, 'giamsat', 'supervisor');
    await addStaff(demo, 'canbo', 'clerk');
    const supervisor = await signedIn(demo, 'giamsat');
    const clerk = await signedIn(demo, 'canbo');
    const config = await exported(demoAdmin);

    expect((await supervisor.get('/api/config/export')).status).toBe(200);
    expect(errorOf(await supervisor.post('/api/config/import', config), 403).code).toBe(
      'forbidden',
    );
    expect(errorOf(await clerk.get('/api/config/export'), 403).code).toBe('forbidden');
    expect(errorOf(await clerk.post('/api/config/import', config), 403).code).toBe('forbidden');
    const anonymous = new ApiClient(demo.url);
    expect(errorOf(await anonymous.post('/api/config/import', config), 401).code).toBe(
      'unauthenticated',
    );
  });
});
