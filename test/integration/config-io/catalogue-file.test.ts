import ExcelJS from 'exceljs';
import type { CatalogueResponse } from '../../../server/src/contract';
import type { ImportFailedBody } from '../../../server/src/contract/config';
import { SHEET_COLUMNS } from '../../../server/src/services/admin/catalogue-sheet';
import { addStaff } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { expectStatus } from '../../support/queue-helpers';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { XLSX_TYPE, cookieOf, download, sendBytes, zipBomb } from './support';

const HEADERS = SHEET_COLUMNS.map((c) => c.header);

async function catalogueOf(server: TestServer): Promise<CatalogueResponse> {
  const admin = new ApiClient(server.url);
  await admin.login(server.adminUsername, server.adminPassword);
  return expectStatus(await admin.get<CatalogueResponse>('/api/catalogue'), 200);
}

/** What a service is, whatever its id and its group's id: its group by name instead. */
function described(catalogue: CatalogueResponse) {
  const groupName = (id: number | null) =>
    catalogue.serviceGroups.find((g) => g.id === id)?.name ?? null;
  return catalogue.services.map(({ id: _id, groupId, ...service }) => ({
    ...service,
    group: groupName(groupId),
  }));
}

/** An XLSX of rows under the sheet's headers. */
async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('GET /api/services/export.xlsx, POST /api/services/import', () => {
  let demo: TestServer;
  let empty: TestServer;
  let demoCookie: string;
  let emptyCookie: string;

  beforeEach(async () => {
    demo = await startTestServer({ clock: new ManualClock() });
    empty = await startTestServer({ clock: new ManualClock(), env: { LUOT_DEMO: '0' } });
    demoCookie = await cookieOf(demo, demo.adminUsername, demo.adminPassword);
    emptyCookie = await cookieOf(empty, empty.adminUsername, empty.adminPassword);
  });

  afterEach(async () => {
    await demo.stop();
    await empty.stop();
  });

  test('XLSX round trip: the export reads back in exceljs and imports onto an empty centre as the same services', async () => {
    const { response, bytes } = await download(demo, demoCookie, '/api/services/export.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="luot-services-2026-11-27.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const source = await catalogueOf(demo);
    expect(sheet.rowCount).toBe(source.services.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(source.services[0]!.code);

    const imported = await sendBytes(empty, emptyCookie, '/api/services/import', bytes, XLSX_TYPE);

    expect(expectStatus(imported as never, 200)).toMatchObject({
      services: { created: source.services.length, updated: 0, retired: 0 },
    });
    expect(described(await catalogueOf(empty))).toEqual(described(source));
  });

  test('imports a UTF-8 CSV with a byte-order mark: Vietnamese names, fields and groups by name, quoted separators', async () => {
    const csv =
      '\uFEFF' +
      [
        'Mã;Tên thủ tục;Tên tiếng Anh;Lĩnh vực;Nhóm thủ tục;Tiền tố;Số từ;Số đến;Đang dùng',
        // Decomposed (NFD) Vietnamese, as some keyboards type it: stored as NFC.
        `KS;${'Đăng ký khai sinh'.normalize('NFD')};Birth registration;Tư pháp;Hộ tịch;A;1;499;Có`,
        'KH;"Đăng ký kết hôn; ghi chú ""mẫu"""; Marriage;Tư pháp;Hộ tịch;A;500;999;có',
        ';Cấp giấy phép xây dựng;;Xây dựng;;X;;;Không',
      ].join('\r\n');

    const imported = await sendBytes(
      empty,
      emptyCookie,
      '/api/services/import',
      Buffer.from(csv),
      'text/csv; charset=utf-8',
    );

    expect(expectStatus(imported as never, 200)).toMatchObject({
      services: { created: 3 },
      serviceGroups: { created: 3 },
    });
    const catalogue = await catalogueOf(empty);
    expect(described(catalogue)).toEqual([
      expect.objectContaining({
        code: 'KS',
        name: 'Đăng ký khai sinh',
        group: 'Hộ tịch',
        numberRange: { from: 1, to: 499 },
        targetWaitMinutes: 15,
        active: true,
      }),
      expect.objectContaining({
        code: 'KH',
        name: 'Đăng ký kết hôn; ghi chú "mẫu"',
        nameEn: 'Marriage',
        group: 'Hộ tịch',
      }),
      expect.objectContaining({
        code: 'CGPXD',
        name: 'Cấp giấy phép xây dựng',
        group: 'Xây dựng',
        numberRange: null,
        active: false,
      }),
    ]);
    const field = catalogue.serviceGroups.find((g) => g.name === 'Tư pháp')!;
    expect(catalogue.serviceGroups.find((g) => g.name === 'Hộ tịch')?.parentId).toBe(field.id);

    // Again, one cell changed: that service is updated by code (or by name when the row has
    // none), the other two found unchanged, none created.
    const again = csv.replace('Birth registration', 'Birth certificate');
    const second = await sendBytes(
      empty,
      emptyCookie,
      '/api/services/import',
      Buffer.from(again),
      'text/csv',
    );
    expect(expectStatus(second as never, 200)).toMatchObject({
      services: { created: 0, updated: 1, unchanged: 2 },
      serviceGroups: { created: 0 },
    });
    expect((await catalogueOf(empty)).services.find((s) => s.code === 'KS')?.nameEn).toBe(
      'Birth certificate',
    );
  });

  test('one bad row imports nothing and names the row and the column, in Vietnamese', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [
      `T${i}`,
      `Thủ tục ${i}`,
      '',
      '',
      '',
      `P${i}`,
    ]);
    rows[2]![5] = 'p-2';
    const file = await workbookOf(rows);

    const refused = await sendBytes(empty, emptyCookie, '/api/services/import', file, XLSX_TYPE);

    const body = expectStatus(refused as never, 422) as ImportFailedBody;
    expect(body.error.code).toBe('import_failed');
    expect(body.error.rows).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Tiền tố / Prefix',
        code: 'invalid',
        message: 'Giá trị không hợp lệ.',
      }),
    ]);
    expect((await catalogueOf(empty)).services).toEqual([]);
  });

  test('names the rows whose prefixes clash, and writes none of them', async () => {
    const file = await workbookOf([
      ['A1', 'Thủ tục một', '', '', '', 'A', 1, 500],
      ['A2', 'Thủ tục hai', '', '', '', 'A', 400, 900],
      ['B1', 'Thủ tục ba', '', '', '', 'B'],
    ]);
    const refused = await sendBytes(empty, emptyCookie, '/api/services/import', file, XLSX_TYPE);
    const rows = (expectStatus(refused as never, 422) as ImportFailedBody).error.rows;
    expect(rows.map((r) => [r.row, r.code])).toEqual([
      [2, 'prefix_taken'],
      [3, 'prefix_taken'],
    ]);
    expect((await catalogueOf(empty)).services).toEqual([]);
  });

  test('imports a 200-procedure workbook in one command', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [
      `TT${i + 1}`,
      `Thủ tục hành chính số ${i + 1}`,
      `Procedure ${i + 1}`,
      `Lĩnh vực ${(i % 10) + 1}`,
      '',
      'A',
      i * 100 + 1,
      i * 100 + 99,
      20,
      50,
      15,
      'Có',
      i,
    ]);
    const imported = await sendBytes(
      empty,
      emptyCookie,
      '/api/services/import',
      await workbookOf(rows),
      XLSX_TYPE,
    );
    expect(expectStatus(imported as never, 200)).toMatchObject({
      services: { created: 200 },
      serviceGroups: { created: 10 },
    });
    expect((await catalogueOf(empty)).services).toHaveLength(200);
    const admin = new ApiClient(empty.url);
    await admin.login(empty.adminUsername, empty.adminPassword);
    const audit = expectStatus(
      await admin.get<{ entries: { action: string }[] }>('/api/audit?limit=200'),
      200,
    );
    expect(audit.entries.filter((e) => e.action === 'services.import')).toHaveLength(1);
  });

  test('refuses hostile and unreadable files with a clean 4xx', async () => {
    const send = (body: Buffer | string, type: string) =>
      sendBytes(empty, emptyCookie, '/api/services/import', body, type);
    const codeOf = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;

    const latin1 = await send(
      Buffer.from('Mã;Tên thủ tục;Tiền tố\nA;Đăng ký;A\n', 'latin1'),
      'text/csv',
    );
    expect([latin1.status, codeOf(latin1)]).toEqual([415, 'unsupported_file']);

    const bomb = await send(zipBomb(40 * 1024 * 1024, 1000), XLSX_TYPE);
    expect([bomb.status, codeOf(bomb)]).toEqual([415, 'unsupported_file']);

    const notZip = await send(Buffer.from('not a workbook'), XLSX_TYPE);
    expect([notZip.status, codeOf(notZip)]).toEqual([415, 'unsupported_file']);

    const tooBig = await send(Buffer.alloc(6 * 1024 * 1024, 0x41), 'text/csv');
    expect([tooBig.status, codeOf(tooBig)]).toEqual([413, 'payload_too_large']);

    const tooLong = await send(
      [
        'Mã,Tên thủ tục,Tiền tố',
        ...Array.from({ length: 2100 }, (_, i) => `C${i},Tên ${i},A`),
      ].join('\n'),
      'text/csv',
    );
    expect([tooLong.status, codeOf(tooLong)]).toEqual([415, 'unsupported_file']);

    const unknownType = await send('Mã,Tên thủ tục,Tiền tố\n', 'text/plain');
    expect([unknownType.status, codeOf(unknownType)]).toEqual([415, 'unsupported_file']);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thủ tục');
    sheet.addRow(HEADERS);
    sheet.addRow(['F1', { formula: 'CONCAT("Thủ ","tục")', result: 'Thủ tục' }, '', '', '', 'F']);
    const formula = await send(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
    expect(formula.status).toBe(422);
    expect((formula.body as ImportFailedBody).error.rows).toEqual([
      expect.objectContaining({ row: 2, column: 'Tên thủ tục / Name', code: 'formula' }),
    ]);

    const badHeader = await send('Mã,Tên thủ tục,Tiền tố,Ghi chú,Code\n', 'text/csv');
    expect((badHeader.body as ImportFailedBody).error.rows).toEqual([
      expect.objectContaining({ row: 1, column: 'Ghi chú', code: 'unknown_column' }),
      expect.objectContaining({ row: 1, column: 'Code', code: 'duplicate' }),
    ]);
    expect((await catalogueOf(empty)).services).toEqual([]);
  });

  test('lets supervisors export the sheet, only admins import, and clerks neither', async () => {
    await addStaff(demo, 'giamsat', 'supervisor');
    await addStaff(demo, 'canbo', 'clerk');
    const supervisor = await cookieOf(demo, 'giamsat', 'staff-password-1');
    const clerk = await cookieOf(demo, 'canbo', 'staff-password-1');
    const csv = 'Mã,Tên thủ tục,Tiền tố\nZ1,Thủ tục,Z\n';

    expect((await download(demo, supervisor, '/api/services/export.xlsx')).response.status).toBe(
      200,
    );
    expect(
      (await sendBytes(demo, supervisor, '/api/services/import', csv, 'text/csv')).status,
    ).toBe(403);
    expect((await download(demo, clerk, '/api/services/export.xlsx')).response.status).toBe(403);
    expect((await sendBytes(demo, clerk, '/api/services/import', csv, 'text/csv')).status).toBe(
      403,
    );
  });
});
