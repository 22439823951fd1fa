import ExcelJS from 'exceljs';
import { REPORT_GROUPINGS, type ReportGrouping } from '../../../server/src/contract/reports';
import { closeReportExports } from '../../../server/src/services/reports/report-export';
import { addStaff, STAFF_PASSWORD } from '../../support/accounts';
import { EXPECTED_ROWS, EXPECTED_TOTAL } from '../../support/report-expected';
import {
  buildReportFixture,
  REPORT_FROM,
  REPORT_NOW,
  REPORT_TO,
  type Figures,
} from '../../support/report-fixture';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { describeWithPdftotext, pdfPages } from '../../unit/reports/pdf-text';

/**
 * The CSV, XLSX and PDF exports of the hand-counted centre (`report-fixture.ts`), downloaded
 * from the real route and read back, checked against the figures worked out by hand in
 * `report-expected.ts`. Columns are found by their Vietnamese / English header, written out
 * here by hand, not taken from the code that writes them.
 */

const CENTRE = 'Trung tâm Phục vụ hành chính công xã Đồng Văn';
const PERIOD = '02/03/2026 – 05/03/2026';
const TOTAL_LABEL = 'Tổng cộng / Total';

type Kind = 'count' | 'minutes' | 'share';

interface Column {
  header: string;
  kind: Kind;
  value: (figures: Figures) => number | null;
}

const count = (header: string, value: (f: Figures) => number): Column => ({
  header,
  kind: 'count',
  value,
});
const minutes = (header: string, value: (f: Figures) => number | null): Column => ({
  header,
  kind: 'minutes',
  value,
});
const share = (header: string, value: (f: Figures) => number | null): Column => ({
  header,
  kind: 'share',
  value,
});

/** The group column's header and each group's label, by the row's key. */
const GROUP: Record<
  ReportGrouping,
  { sheet: string; header: string; label: (key: string) => string }
> = {
  service: {
    sheet: 'Theo dịch vụ',
    header: 'Dịch vụ / Service',
    label: (key) => ({ HT: 'Hộ tịch', DD: 'Đất đai' })[key] ?? `? ${key}`,
  },
  counter: {
    sheet: 'Theo quầy',
    header: 'Quầy / Counter',
    label: (key) =>
      ({ '1': 'Quầy 1 · Tiếp nhận', '2': 'Quầy 2 · Trả kết quả', '': 'Chưa gọi' })[key] ??
      `? ${key}`,
  },
  clerk: {
    sheet: 'Theo cán bộ',
    header: 'Cán bộ / Clerk',
    label: (key) =>
      ({ lan: 'Nguyễn Thị Lan', binh: 'Trần Văn Bình', '': 'Chưa gọi' })[key] ?? `? ${key}`,
  },
  day: { sheet: 'Theo ngày', header: 'Ngày / Day', label: (key) => key },
  week: { sheet: 'Theo tuần', header: 'Tuần / Week', label: (key) => key },
  month: { sheet: 'Theo tháng', header: 'Tháng / Month', label: (key) => key },
  hour: { sheet: 'Theo giờ', header: 'Giờ / Hour', label: (key) => `${key}:00` },
};

/** The reasons the fixture's low ratings chose (T3 two, T7 one): one column each. */
const REASONS = ['Thời gian chờ lâu', 'Thái độ phục vụ', 'Hướng dẫn chưa rõ'];

/** Every figure column of the CSV and the XLSX sheet. */
const COLUMNS: Column[] = [
  count('Số phiếu cấp / Issued', (f) => f.issued),
  count('Đã phục vụ / Served', (f) => f.served),
  count('Vắng mặt / No-show', (f) => f.noShow),
  count('Chuyển tiếp / Transferred', (f) => f.transferred),
  count('Đã hủy / Cancelled', (f) => f.cancelled),
  count('Hết hạn / Expired', (f) => f.expired),
  minutes('Chờ TB (phút) / Mean wait (min)', (f) => f.waitMinutes.mean),
  minutes('Chờ trung vị (phút) / Median wait (min)', (f) => f.waitMinutes.median),
  minutes('Chờ P90 (phút) / P90 wait (min)', (f) => f.waitMinutes.p90),
  minutes('Chờ tối đa (phút) / Max wait (min)', (f) => f.waitMinutes.max),
  minutes('Phục vụ TB (phút) / Mean service (min)', (f) => f.serviceMinutes.mean),
  minutes('Phục vụ trung vị (phút) / Median service (min)', (f) => f.serviceMinutes.median),
  minutes('Phục vụ P90 (phút) / P90 service (min)', (f) => f.serviceMinutes.p90),
  minutes('Phục vụ tối đa (phút) / Max service (min)', (f) => f.serviceMinutes.max),
  minutes('Đi đến quầy TB (phút) / Mean walk (min)', (f) => f.walkMinutes.mean),
  minutes('Đi đến quầy trung vị (phút) / Median walk (min)', (f) => f.walkMinutes.median),
  minutes('Đi đến quầy P90 (phút) / P90 walk (min)', (f) => f.walkMinutes.p90),
  minutes('Đi đến quầy tối đa (phút) / Max walk (min)', (f) => f.walkMinutes.max),
  share('Đạt thời gian chờ mục tiêu / Within target wait', (f) => f.withinTargetShare),
  count('Số phiếu có ước tính / Tickets with an estimate', (f) => f.estimateCount),
  minutes('Sai số ước tính TB (phút) / Estimate MAE (min)', (f) => f.estimateMae),
  share('Ước tính đúng trong ±5 phút / Estimate within ±5 min', (f) => f.estimateWithin5Share),
  minutes('Độ lệch ước tính TB (phút) / Estimate bias (min)', (f) => f.estimateBias),
  minutes('Tạm dừng (phút) / Paused (min)', (f) => f.pausedMinutes),
  minutes('Rảnh (phút) / Idle (min)', (f) => f.idleMinutes),
  count('Số lượt đánh giá / Ratings', (f) => f.ratings),
  count('Mức 1: Không hài lòng / Level 1: Dissatisfied', (f) => f.ratingLevels[0] ?? NaN),
  count('Mức 2: Bình thường / Level 2: Neutral', (f) => f.ratingLevels[1] ?? NaN),
  count('Mức 3: Hài lòng / Level 3: Satisfied', (f) => f.ratingLevels[2] ?? NaN),
  count('Mức 4: Rất hài lòng / Level 4: Very satisfied', (f) => f.ratingLevels[3] ?? NaN),
  share('Tỷ lệ đánh giá / Rated share', (f) => f.ratedShare),
  share('Tỷ lệ hài lòng / Satisfied share', (f) => f.satisfiedShare),
  ...REASONS.map((reason) =>
    count(
      `Lý do chưa hài lòng: ${reason} / Low-score reason: ${reason}`,
      (f) => f.lowScoreReasons[reason] ?? 0,
    ),
  ),
  ...Array.from({ length: 24 }, (_, hour) => {
    const hh = String(hour).padStart(2, '0');
    return count(`Lượt đến ${hh}h / Arrivals ${hh}:00`, (f) => f.arrivalsByHour[hour] ?? NaN);
  }),
];

/** A row as read back: its label and, per header, the number (null for an empty cell). */
interface ReadRow {
  label: unknown;
  cells: Map<string, unknown>;
}

/**
 * Compares rows read back with the hand-counted ones: labels exactly, counts exactly,
 * minutes and shares within `tolerance[kind]` (the rounding the format documents). Returns
 * every difference as a line, so one failure shows them all.
 */
function differences(
  groupBy: ReportGrouping,
  read: ReadRow[],
  tolerance: Record<Kind, number>,
  asNumber: (cell: unknown) => number | null | 'not a number',
): string[] {
  const expected = [
    ...EXPECTED_ROWS[groupBy].map((row) => ({ label: GROUP[groupBy].label(row.key), row })),
    { label: TOTAL_LABEL, row: EXPECTED_TOTAL },
  ];
  const found: string[] = [];
  if (read.length !== expected.length) {
    found.push(`${read.length} rows, expected ${expected.length}`);
  }
  expected.forEach(({ label, row }, i) => {
    const got = read[i];
    if (!got) return;
    if (got.label !== label) found.push(`row ${i + 1}: label ${String(got.label)} ≠ ${label}`);
    for (const column of COLUMNS) {
      const want = column.value(row);
      const cell = asNumber(got.cells.get(column.header));
      const ok =
        want === null || cell === null || cell === 'not a number'
          ? cell === want
          : column.kind === 'count'
            ? cell === want
            : Math.abs(cell - want) <= tolerance[column.kind] + 1e-9;
      if (!ok) found.push(`${label} · ${column.header}: ${String(cell)}, expected ${want}`);
    }
  });
  return found;
}

/** Checks a header row holds the group column and every figure column, each once. */
function expectHeaders(groupBy: ReportGrouping, headers: unknown[]): void {
  expect(headers[0]).toBe(GROUP[groupBy].header);
  expect([...headers].sort()).toEqual(
    [GROUP[groupBy].header, ...COLUMNS.map((c) => c.header)].sort(),
  );
}

/** RFC 4180 records: fields quoted or not, `""` inside quotes, CRLF after every record. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\n' || text[i + 1] !== '\n')
        throw new Error(`a line end that is not CRLF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
      i++;
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += ch;
    }
  }
  if (quoted) throw new Error('a quoted field never closed');
  if (field !== '' || record.length > 0) throw new Error('the last record lacks its CRLF');
  return records;
}

/** A CSV cell as a number: empty is null; anything but a plain decimal is refused. */
const csvNumber = (cell: unknown): number | null | 'not a number' => {
  if (cell === '') return null;
  return typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : 'not a number';
};

/** An XLSX cell as a number: empty is null; text or anything else is refused. */
const xlsxNumber = (cell: unknown): number | null | 'not a number' => {
  if (cell === null || cell === undefined) return null;
  return typeof cell === 'number' ? cell : 'not a number';
};

/** What the PDF prints for a figure: minutes to one decimal, shares in percent to two. */
const pdfFigure = (value: number | null, kind: Kind): string => {
  if (value === null) return '–';
  if (kind === 'minutes') return value.toFixed(1);
  if (kind === 'share') return `${(value * 100).toFixed(2)} %`;
  return String(value);
};

/** The PDF table's columns (the main ones), in the order it prints them. */
const PDF_COLUMNS = [
  'Số phiếu cấp / Issued',
  'Đã phục vụ / Served',
  'Vắng mặt / No-show',
  'Chuyển tiếp / Transferred',
  'Đã hủy / Cancelled',
  'Hết hạn / Expired',
  'Chờ TB (phút) / Mean wait (min)',
  'Chờ trung vị (phút) / Median wait (min)',
  'Chờ P90 (phút) / P90 wait (min)',
  'Chờ tối đa (phút) / Max wait (min)',
  'Phục vụ TB (phút) / Mean service (min)',
  'Phục vụ trung vị (phút) / Median service (min)',
  'Đạt thời gian chờ mục tiêu / Within target wait',
  'Sai số ước tính TB (phút) / Estimate MAE (min)',
  'Độ lệch ước tính TB (phút) / Estimate bias (min)',
  'Số lượt đánh giá / Ratings',
  'Tỷ lệ đánh giá / Rated share',
  'Tỷ lệ hài lòng / Satisfied share',
].map((header) => {
  const column = COLUMNS.find((c) => c.header === header);
  if (!column) throw new Error(`no column ${header}`);
  return column;
});

/** A row of the PDF's table as pdftotext reads it: the label, then each figure. */
const pdfLine = (label: string, figures: Figures): string =>
  [label, ...PDF_COLUMNS.map((c) => pdfFigure(c.value(figures), c.kind))].join(' ');

describe('the report exports over the hand-counted centre', () => {
  let server: TestServer;
  let cookie = '';

  beforeAll(async () => {
    const fixture = buildReportFixture();
    fixture.repos.settings.set('centreName', CENTRE);
    fixture.close();
    server = await startTestServer({
      dataDir: fixture.dataDir,
      clock: new ManualClock(REPORT_NOW),
    });
    await addStaff(server, 'truongca', 'supervisor');
    // Signed in by hand: the files are binary, which ApiClient reads as text.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'truongca', password: STAFF_PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  }, 60_000);

  afterAll(async () => {
    await closeReportExports();
    await server.stop();
  });

  /** `groupBy` may be a comma list (XLSX): the file is named after each grouping. */
  async function download(groupBy: string, format: string): Promise<Buffer> {
    const query = `from=${REPORT_FROM}&to=${REPORT_TO}&groupBy=${groupBy}&format=${format}`;
    const response = await fetch(`${server.url}/api/reports/summary?${query}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(20_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename="bao-cao-${REPORT_FROM}_${REPORT_TO}-${groupBy.replaceAll(',', '-')}.${format}"`,
    );
    return Buffer.from(await response.arrayBuffer());
  }

  // One workbook asked with every grouping (one sheet each), read once for all the tests.
  let everyGrouping: Promise<ExcelJS.Workbook> | null = null;
  const workbookOfEveryGrouping = (): Promise<ExcelJS.Workbook> =>
    (everyGrouping ??= (async () => {
      const workbook = new ExcelJS.Workbook();
      const body = await download(REPORT_GROUPINGS.join(','), 'xlsx');
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      return workbook;
    })());

  test('the XLSX asked with several groupings has one sheet each, in the order asked', async () => {
    const names = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((sheet) => sheet.name);
    const after = ['Theo thứ và giờ', 'Đánh giá'];
    expect(names(await workbookOfEveryGrouping())).toEqual([
      ...REPORT_GROUPINGS.map((groupBy) => GROUP[groupBy].sheet),
      ...after,
    ]);
    const two = new ExcelJS.Workbook();
    await two.xlsx.load((await download('day,counter', 'xlsx')) as unknown as ArrayBuffer);
    expect(names(two)).toEqual(['Theo ngày', 'Theo quầy', ...after]);
    const one = new ExcelJS.Workbook();
    await one.xlsx.load((await download('clerk', 'xlsx')) as unknown as ArrayBuffer);
    expect(names(one)).toEqual(['Theo cán bộ', ...after]);
  });

  test.each(REPORT_GROUPINGS)(
    'the CSV by %s holds the hand-counted figures (minutes to 0.01, shares to 0.0001)',
    async (groupBy) => {
      const body = await download(groupBy, 'csv');
      const text = body.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.normalize('NFC')).toBe(text);
      const [headers = [], ...records] = parseCsv(text.slice(1));
      expectHeaders(groupBy, headers);
      expect(records.every((r) => r.length === headers.length)).toBe(true);
      const rows = records.map((record) => ({
        label: record[0],
        cells: new Map(headers.map((h, i) => [h, record[i]])),
      }));
      expect(
        differences(groupBy, rows, { count: 0, minutes: 0.005, share: 0.00005 }, csvNumber),
      ).toEqual([]);
    },
  );

  test.each(REPORT_GROUPINGS)(
    'the XLSX sheet by %s holds the hand-counted figures as typed numbers',
    async (groupBy) => {
      const workbook = await workbookOfEveryGrouping();
      const sheet = workbook.getWorksheet(GROUP[groupBy].sheet);
      if (!sheet) throw new Error(`no sheet "${GROUP[groupBy].sheet}"`);
      const values = (r: number): unknown[] => {
        const row = sheet.getRow(r);
        return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
      };
      const headRow = Array.from({ length: sheet.rowCount }, (_, i) => i + 1).find(
        (r) => sheet.getRow(r).getCell(1).value === GROUP[groupBy].header,
      );
      if (headRow === undefined) throw new Error('no header row');
      // Above the table: the centre and the period.
      const above = Array.from({ length: headRow - 1 }, (_, i) => values(i + 1).slice(0, 2));
      expect(above).toContainEqual(['Trung tâm / Centre', CENTRE]);
      expect(above).toContainEqual(['Kỳ báo cáo / Period', PERIOD]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headRow });

      const headers = values(headRow).filter((h) => h !== null && h !== undefined);
      expectHeaders(groupBy, headers);
      const rows: ReadRow[] = [];
      for (let r = headRow + 1; r <= sheet.rowCount; r++) {
        const cells = values(r);
        rows.push({
          label: cells[0],
          cells: new Map(headers.map((h, i) => [String(h), cells[i]])),
        });
      }
      expect(differences(groupBy, rows, { count: 0, minutes: 0, share: 0 }, xlsxNumber)).toEqual(
        [],
      );
      // Shown as minutes to one decimal and shares in percent.
      const format = (header: string) =>
        sheet.getRow(headRow + 1).getCell(headers.indexOf(header) + 1).numFmt;
      expect(format('Chờ TB (phút) / Mean wait (min)')).toBe('0.0');
      expect(format('Tỷ lệ hài lòng / Satisfied share')).toBe('0.0%');
    },
  );

  describeWithPdftotext('the PDF', () => {
    test.each(['service', 'day'] as const)(
      'by %s reads back the headers, the centre, each row and the total as printed',
      async (groupBy) => {
        const pages = pdfPages(await download(groupBy, 'pdf'));
        const [table = ''] = pages;
        expect(table).toContain(CENTRE);
        expect(table).toContain(`Kỳ báo cáo / Period: ${PERIOD}`);
        expect(table).toContain(GROUP[groupBy].header);
        // A header may wrap after a hyphen ("No-" / "show"), which reads back as "No- show".
        const headers = table.replace(/(\p{L})- (\p{L})/gu, '$1-$2');
        for (const column of PDF_COLUMNS) expect(headers).toContain(column.header);
        for (const row of EXPECTED_ROWS[groupBy]) {
          expect(table).toContain(pdfLine(GROUP[groupBy].label(row.key), row));
        }
        expect(table).toContain(pdfLine(TOTAL_LABEL, EXPECTED_TOTAL));
        expect(pages.at(-1)).toContain(`Trang ${pages.length}/${pages.length}`);
      },
    );
  });
});
