import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../server/src/domain/errors';
import {
  MAX_SHEET_ROWS,
  MAX_UNZIPPED_BYTES,
  readCatalogueFile,
} from '../../../server/src/services/admin/catalogue-file';
import { SHEET_COLUMNS } from '../../../server/src/services/admin/catalogue-sheet';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { XLSX_TYPE, cookieOf, sendBytes } from './support';

/** A zip of deflated entries, as an XLSX is. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const [entryName, text] of Object.entries(entries)) {
    const name = Buffer.from(entryName);
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    at += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal XLSX whose one sheet has the given `<sheetData>` rows. */
function xlsxOf(rowsXml: string): Buffer {
  const ns = 'http://schemas.openxmlformats.org/';
  return zipOf({
    '[Content_Types].xml':
      `<?xml version="1.0"?><Types xmlns="${ns}package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
    'xl/workbook.xml':
      `<?xml version="1.0"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships">` +
      '<sheets><sheet name="Thủ tục" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
      '</Relationships>',
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0"?><worksheet xmlns="${ns}spreadsheetml/2006/main"><sheetData>` +
      rowsXml +
      '</sheetData></worksheet>',
  });
}

const rowXml = (r: number) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;

const codeOf = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;

describe('POST /api/services/import: sheets too large to parse', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer({ clock: new ManualClock(), env: { LUOT_DEMO: '0' } });
    cookie = await cookieOf(server, server.adminUsername, server.adminPassword);
  });
  afterAll(async () => {
    await server.stop();
  });

  test('a small XLSX of 261,000 rows is refused quickly with 415, before it is parsed', async () => {
    const file = xlsxOf(Array.from({ length: 261_000 }, (_, i) => rowXml(i + 1)).join(''));
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    const answer = await sendBytes(server, cookie, '/api/services/import', file, XLSX_TYPE);
    const took = performance.now() - started;
    expect([answer.status, codeOf(answer)]).toEqual([415, 'unsupported_file']);
    expect(took).toBeLessThan(1500);
    // Refused by the unzipped-size cap, so the parser never built its rows.
    await expect(readCatalogueFile(file, XLSX_TYPE)).rejects.toThrow(/unpacks to more than/);
  });

  test('a sheet under the size cap with too many rows is refused from its XML', async () => {
    const rows = Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => `<row r="${i + 1}"/>`);
    const file = xlsxOf(rows.join(''));
    await expect(readCatalogueFile(file, XLSX_TYPE)).rejects.toMatchObject({
      code: 'unsupported_file',
    });
    const answer = await sendBytes(server, cookie, '/api/services/import', file, XLSX_TYPE);
    expect([answer.status, codeOf(answer)]).toEqual([415, 'unsupported_file']);
  });

  test('a full 2,000-service catalogue in every column fits under the caps', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thủ tục');
    sheet.addRow(SHEET_COLUMNS.map((c) => c.header));
    const text = 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân';
    for (let r = 1; r < MAX_SHEET_ROWS; r += 1) {
      sheet.addRow(SHEET_COLUMNS.map((_, c) => `${text} ${r}-${c}`));
    }
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const cells = await readCatalogueFile(file, XLSX_TYPE).catch((error: unknown) => {
      throw new Error(`refused: ${error instanceof DomainError ? error.message : String(error)}`);
    });
    expect(cells).toHaveLength(MAX_SHEET_ROWS);
    expect(MAX_UNZIPPED_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
  }, 60_000);
});
