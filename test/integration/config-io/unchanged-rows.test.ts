import ExcelJS from 'exceljs';
import type { AuditPage, CatalogueResponse, CentreConfig } from '../../../server/src/contract';
import { SHEET_COLUMNS } from '../../../server/src/services/admin/catalogue-sheet';
import { ApiClient } from '../../support/api-client';
import { expectStatus } from '../../support/queue-helpers';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { XLSX_TYPE, cookieOf, download, sendBytes } from './support';

describe('imports count only what they change', () => {
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

  const auditRows = async () =>
    expectStatus(await admin.get<AuditPage>('/api/audit?limit=200'), 200).entries.filter(
      (e) => e.action === 'services.import',
    );

  test('an exported sheet with one cell changed updates that service alone; the others are unchanged, not audited', async () => {
    const before = expectStatus(await admin.get<CatalogueResponse>('/api/catalogue'), 200);
    const { bytes } = await download(server, cookie, '/api/services/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const nameEn = 1 + SHEET_COLUMNS.findIndex((c) => c.key === 'nameEn');
    const code = String(sheet.getRow(2).getCell(1).value);
    sheet.getRow(2).getCell(nameEn).value = 'Renamed in Excel';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());

    const answer = await sendBytes(server, cookie, '/api/services/import', edited, XLSX_TYPE);

    expect(expectStatus(answer as never, 200)).toMatchObject({
      services: { created: 0, updated: 1, unchanged: before.services.length - 1, retired: 0 },
      serviceGroups: { created: 0, updated: 0 },
    });
    const [row] = await auditRows();
    expect(row?.details).toMatchObject({
      services: { updated: 1, codes: { created: [], updated: [code], retired: [] } },
    });
  });

  test('the same sheet imported back changes nothing and says so', async () => {
    const { bytes } = await download(server, cookie, '/api/services/export.xlsx');
    const count = expectStatus(await admin.get<CatalogueResponse>('/api/catalogue'), 200).services
      .length;

    const answer = await sendBytes(server, cookie, '/api/services/import', bytes, XLSX_TYPE);

    expect(expectStatus(answer as never, 200)).toMatchObject({
      services: { created: 0, updated: 0, unchanged: count },
    });
  });

  test('a configuration exported and imported back with replace counts every entry unchanged', async () => {
    const config = expectStatus(await admin.get<CentreConfig>('/api/config/export'), 200);

    const result = expectStatus(
      await admin.post<Record<string, { updated: number; unchanged: number }>>(
        '/api/config/import?replace=true',
        config,
      ),
      200,
    );

    expect(result.services).toMatchObject({ updated: 0, unchanged: config.services.length });
    expect(result.counters).toMatchObject({ updated: 0, unchanged: config.counters.length });
    expect(result.serviceGroups).toMatchObject({
      updated: 0,
      unchanged: config.serviceGroups.length,
    });
  });
});
