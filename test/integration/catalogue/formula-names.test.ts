import ExcelJS from 'exceljs';
import type { CatalogueResponse } from '../../../server/src/contract';
import { XLSX_TYPE, cookieOf, download, sendBytes } from '../config-io/support';
import { errorOf, expectStatus } from '../../support/queue-helpers';
import { createCounter, createGroup, createService, useEmptyCentre } from './support';

const { f } = useEmptyCentre();

/** Names a spreadsheet would read as a formula if it found them at the start of a cell. */
const FORMULAS = ['=HYPERLINK("http://x","Bấm")', '+84 Hộ tịch', '-1+1', '@SUM(A1)'];

describe('names that start like a spreadsheet formula', () => {
  test.each(FORMULAS)('POST/PATCH refuse %j as a service, group or counter name', async (bad) => {
    const refused = async (method: string, path: string, body: object) =>
      errorOf(await f.admin.request(method, path, { body }), 400).code;
    expect(await refused('POST', '/api/services', { name: bad, prefix: 'A' })).toBe(
      'validation_failed',
    );
    expect(
      await refused('POST', '/api/services', { name: 'Hộ tịch', nameEn: bad, prefix: 'A' }),
    ).toBe('validation_failed');
    expect(await refused('POST', '/api/service-groups', { name: bad })).toBe('validation_failed');
    expect(await refused('POST', '/api/counters', { number: 1, name: bad, tiers: [] })).toBe(
      'validation_failed',
    );
    const service = await createService(f.admin, { name: 'Hộ tịch', prefix: 'A' });
    const group = await createGroup(f.admin, { name: 'Tư pháp' });
    const counter = await createCounter(f.admin, { number: 2, name: 'Quầy 2', tiers: [] });
    expect(await refused('PATCH', `/api/services/${service.id}`, { name: bad })).toBe(
      'validation_failed',
    );
    expect(await refused('PATCH', `/api/service-groups/${group.id}`, { nameEn: bad })).toBe(
      'validation_failed',
    );
    expect(await refused('PATCH', `/api/counters/${counter.id}`, { name: bad })).toBe(
      'validation_failed',
    );
  });

  test('the same characters later in a name are fine', async () => {
    const service = await createService(f.admin, {
      name: 'Hộ tịch = khai sinh + kết hôn - @',
      nameEn: 'Civil status',
      prefix: 'A',
    });
    expect(service.name).toBe('Hộ tịch = khai sinh + kết hôn - @');
  });

  test('a catalogue file with such a name imports nothing and names the row', async () => {
    const cookie = await cookieOf(f.server, f.server.adminUsername, f.server.adminPassword);
    const { bytes } = await download(f.server, cookie, '/api/services/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const row = headers.map((h) =>
      h.startsWith('Tên thủ tục') ? '=HYPERLINK("http://x")' : h.startsWith('Tiền tố') ? 'A' : '',
    );
    sheet.addRow(row);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await sendBytes(f.server, cookie, '/api/services/import', file, XLSX_TYPE);
    expect(answer.status).toBe(422);
    const { error } = answer.body as {
      error: { code: string; rows: { row: number; code: string }[] };
    };
    expect(error.code).toBe('import_failed');
    expect(error.rows.map((r) => [r.row, r.code])).toEqual([[2, 'invalid']]);
    const catalogue = expectStatus(await f.admin.get<CatalogueResponse>('/api/catalogue'), 200);
    expect(catalogue.services).toEqual([]);
  });

  test('a configuration document with such a name imports nothing', async () => {
    const exported = expectStatus(await f.admin.get<object>('/api/config/export'), 200);
    const document = {
      ...exported,
      services: [
        {
          code: 'HT',
          name: '@cmd',
          nameEn: '',
          prefix: 'A',
          group: null,
          numberRange: null,
          targetWaitMinutes: 15,
          dailyCap: null,
          cutOff: null,
          active: true,
          sortOrder: 0,
        },
      ],
    };
    const answer = await f.admin.post('/api/config/import', document);
    expect(errorOf(answer, 422).code).toBe('import_failed');
  });
});
