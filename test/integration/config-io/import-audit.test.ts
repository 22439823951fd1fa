import type {
  AuditEntry,
  AuditPage,
  CatalogueResponse,
  CentreConfig,
  ServiceConfig,
} from '../../../server/src/contract';
import type { ImportFailedBody } from '../../../server/src/contract/config';
import { SHEET_COLUMNS } from '../../../server/src/services/admin/catalogue-sheet';
import { ApiClient } from '../../support/api-client';
import { addClerk, expectStatus } from '../../support/queue-helpers';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { cookieOf, sendBytes } from './support';

/** A CSV of the sheet's columns, each row given by column key. */
function csvOf(rows: Partial<Record<(typeof SHEET_COLUMNS)[number]['key'], string>>[]): string {
  const header = SHEET_COLUMNS.map((c) => `"${c.header}"`).join(',');
  const lines = rows.map((row) => SHEET_COLUMNS.map((c) => row[c.key] ?? '').join(','));
  return [header, ...lines].join('\n');
}

async function auditOf(admin: ApiClient, action: string): Promise<AuditEntry[]> {
  const page = expectStatus(await admin.get<AuditPage>(`/api/audit?limit=200`), 200);
  return page.entries.filter((e) => e.action === action);
}

describe('imports: their audit rows name the codes, and row errors their detail', () => {
  let server: TestServer;
  let admin: ApiClient;
  let cookie: string;

  beforeEach(async () => {
    server = await startTestServer({ clock: new ManualClock() });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    cookie = await cookieOf(server, server.adminUsername, server.adminPassword);
  });
  afterEach(() => server.stop());

  const catalogue = async () =>
    expectStatus(await admin.get<CatalogueResponse>('/api/catalogue'), 200);

  test('POST /api/services/import upper-cases lower-case prefixes and codes and audits the codes', async () => {
    const before = await catalogue();
    const updated = before.services[0]!;
    const csv = csvOf([
      { code: ' tn-1 ', name: 'Thử nghiệm một', prefix: 'zq', from: '1', to: '99' },
      { code: updated.code.toLowerCase(), name: updated.name, prefix: updated.prefix },
    ]);

    const answer = await sendBytes(server, cookie, '/api/services/import', csv, 'text/csv');

    expect(answer.status).toBe(200);
    const created = (await catalogue()).services.find((s) => s.code === 'TN-1');
    expect(created).toMatchObject({ prefix: 'ZQ', name: 'Thử nghiệm một' });
    const [row] = await auditOf(admin, 'services.import');
    expect(row?.details).toMatchObject({
      services: {
        created: 1,
        updated: 1,
        retired: 0,
        codes: { created: ['TN-1'], updated: [updated.code], retired: [] },
      },
    });
    expect(row?.details.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a row whose prefix another service gives is refused with that service as its detail', async () => {
    const other = (await catalogue()).services.find((s) => s.numberRange === null)!;
    const csv = csvOf([
      { code: 'TRUNG', name: 'Trùng tiền tố', prefix: other.prefix.toLowerCase() },
    ]);

    const answer = await sendBytes(server, cookie, '/api/services/import', csv, 'text/csv');

    expect(answer.status).toBe(422);
    expect((answer.body as ImportFailedBody).error.rows).toEqual([
      expect.objectContaining({ row: 2, code: 'prefix_taken', detail: other.code }),
    ]);
    expect(await auditOf(admin, 'services.import')).toEqual([]);
  });

  test('POST /api/services takes a lower-case prefix and code as capitals', async () => {
    const answer = await admin.post<{ service: ServiceConfig }>('/api/services', {
      name: 'Chứng thực bản sao',
      prefix: ' cs',
      code: 'ct-bs',
    });

    expect(expectStatus(answer, 201).service).toMatchObject({ prefix: 'CS', code: 'CT-BS' });
  });

  test('a replacing POST /api/config/import audits the codes, and signs out the clerk of a retired counter', async () => {
    const config = expectStatus(await admin.get<CentreConfig>('/api/config/export'), 200);
    const [kept, dropped] = [config.counters[0]!, config.counters.at(-1)!];
    const counters = (await catalogue()).counters;
    const droppedId = counters.find((c) => c.number === dropped.number)!.id;
    const clerk = await addClerk(server, 'quay-cuoi');
    expectStatus(await clerk.post(`/api/counters/${droppedId}/sign-in`), 200);
    const retiredCode = config.services.at(-1)!.code;
    const next: CentreConfig = {
      ...config,
      services: config.services.slice(0, -1),
      counters: config.counters
        .slice(0, -1)
        .map((c) => ({ ...c, tiers: c.tiers.map((t) => t.filter((code) => code !== retiredCode)) }))
        .map((c) => ({ ...c, tiers: c.tiers.filter((t) => t.length > 0) })),
    };

    expectStatus(await admin.post('/api/config/import?replace=true', next), 200);

    const [row] = await auditOf(admin, 'config.import');
    const details = row?.details as {
      services: { retired: number; codes: { retired: string[]; updated: string[] } };
      counters: { numbers: { retired: number[]; updated: number[] } };
    };
    expect(details.services.codes.retired).toEqual([retiredCode]);
    // Only what changed is named: the services kept as they were are not; the counters
    // that lost the retired service from their tiers are.
    expect(details.services.codes.updated).toEqual([]);
    expect(details.counters.numbers.retired).toEqual([dropped.number]);
    const lost = config.counters.slice(0, -1).filter((c) => c.tiers.flat().includes(retiredCode));
    expect(details.counters.numbers.updated).toEqual(lost.map((c) => c.number));
    expect(details.counters.numbers.updated.includes(kept.number)).toBe(lost.includes(kept));
    const [signedOut] = await auditOf(admin, 'counter.force_sign_out');
    expect(signedOut).toMatchObject({
      target: `counter:${droppedId}`,
      details: { reason: 'counter_deactivated', heldByName: 'quay-cuoi', number: dropped.number },
    });
  });
});
