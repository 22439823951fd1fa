import ExcelJS from 'exceljs';
import {
  closeReportExports,
  renderReport,
} from '../../../server/src/services/reports/report-export';
import { filteredSample, sampleSummary } from './sample-summary';

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row whose first cell reads `text`. */
function rowStarting(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(1).value === text) return sheet.getRow(r);
  }
  throw new Error(`no row starting ${text}`);
}

describe('renderReport(xlsx)', () => {
  afterAll(closeReportExports);

  test('names the file and the sheets: the grouping in Vietnamese, weekday × hour, ratings', async () => {
    const file = await renderReport(sampleSummary(), 'xlsx');
    expect(file.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.fileName).toBe('bao-cao-2026-01-01_2026-12-31-service.xlsx');
    const workbook = await workbookOf(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Theo dịch vụ',
      'Theo thứ và giờ',
      'Đánh giá',
    ]);
  });

  test('writes the header block with centre, address, period, grouping and local time', async () => {
    const sheet = sheetOf(
      await workbookOf((await renderReport(sampleSummary(), 'xlsx')).body),
      'Theo dịch vụ',
    );
    const value = (label: string) => rowStarting(sheet, label).getCell(2).value;
    expect(value('Trung tâm / Centre')).toBe('Trung tâm Phục vụ hành chính công tỉnh Quảng Trị');
    expect(value('Địa chỉ / Address')).toBe('45 Hùng Vương, phường Đông Hà');
    expect(value('Kỳ báo cáo / Period')).toBe('01/01/2026 – 31/12/2026');
    expect(value('Nhóm theo / Grouped by')).toBe('Theo dịch vụ / By service');
    // 10:05 UTC is 17:05 in the centre's zone (UTC+7), whatever the machine's zone.
    expect(value('Lập lúc / Generated at')).toBe('31/12/2026 17:05 (Asia/Ho_Chi_Minh)');
  });

  test('names the service and counter filtered by, or their ids when they are gone', async () => {
    const filtered = filteredSample();
    const sheet = sheetOf(
      await workbookOf((await renderReport(filtered, 'xlsx')).body),
      'Theo dịch vụ',
    );
    const value = (label: string) => rowStarting(sheet, label).getCell(2).value;
    expect(value('Lọc theo dịch vụ / Service filter')).toBe(
      'Đăng ký kinh doanh / Business registration',
    );
    expect(value('Lọc theo quầy / Counter filter')).toBe(
      'Quầy 2 · Trả kết quả / Counter 2 · Trả kết quả',
    );
    const gone = { ...filtered, filterLabels: { service: null, counter: null } };
    const goneSheet = sheetOf(
      await workbookOf((await renderReport(gone, 'xlsx')).body),
      'Theo dịch vụ',
    );
    expect(rowStarting(goneSheet, 'Lọc theo dịch vụ / Service filter').getCell(2).value).toBe('#3');
  });

  test('freezes the header row, filters the groups and types every figure as a number', async () => {
    const sheet = sheetOf(
      await workbookOf((await renderReport(sampleSummary(), 'xlsx')).body),
      'Theo dịch vụ',
    );
    const head = rowStarting(sheet, 'Dịch vụ / Service');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: head.number, xSplit: 1 });
    const headers = (head.values as ExcelJS.CellValue[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    expect(column('Chờ TB (phút) / Mean wait (min)')).toBeGreaterThan(0);
    const land = rowStarting(sheet, 'Đất đai, nhà ở');
    const total = rowStarting(sheet, 'Tổng cộng / Total');
    expect(land.number).toBe(head.number + 1);
    expect(total.number).toBe(head.number + 4);
    // Title, 5 header lines and a blank row above the table's header (row 8); the filter
    // spans the 3 groups (rows 9..11) and 60 columns (A..BH), leaving the total row out.
    expect(head.number).toBe(8);
    expect(headers).toHaveLength(60);
    expect(sheet.autoFilter).toBe('A8:BH11');
    const issued = land.getCell(column('Số phiếu cấp / Issued'));
    expect(issued.value).toBe(12);
    expect(issued.type).toBe(ExcelJS.ValueType.Number);
    const wait = land.getCell(column('Chờ TB (phút) / Mean wait (min)'));
    // Minutes are kept whole in the cell and shown to one decimal.
    expect(wait.value).toBe(12.345);
    expect(wait.numFmt).toBe('0.0');
    const satisfied = total.getCell(column('Tỷ lệ hài lòng / Satisfied share'));
    expect(satisfied.value).toBe(0.8);
    expect(satisfied.numFmt).toBe('0.0%');
    expect(total.getCell(column('Số phiếu cấp / Issued')).value).toBe(20);
    // The estimator's error: a count, minutes, a share and signed minutes.
    const mae = land.getCell(column('Sai số ước tính TB (phút) / Estimate MAE (min)'));
    expect([mae.value, mae.numFmt]).toEqual([3.25, '0.0']);
    const within5 = land.getCell(column('Ước tính đúng trong ±5 phút / Estimate within ±5 min'));
    expect([within5.value, within5.numFmt]).toEqual([0.875, '0.0%']);
    expect(land.getCell(column('Độ lệch ước tính TB (phút) / Estimate bias (min)')).value).toBe(
      -1.5,
    );
    expect(land.getCell(column('Số phiếu có ước tính / Tickets with an estimate')).value).toBe(8);
    expect(total.getCell(column('Tạm dừng (phút) / Paused (min)')).value).toBe(42.5);
    expect(total.getCell(column('Mức 4: Hài lòng / Level 4: Satisfied')).value).toBe(5);
    expect(total.getCell(column('Lượt đến 15h / Arrivals 15:00')).value).toBe(4);
    // Nothing measured is an empty cell, not 0.
    expect(land.getCell(column('Tạm dừng (phút) / Paused (min)')).value).toBeNull();
    // A name that looks like a formula stays text in the workbook.
    const formula = rowStarting(sheet, '=HYPERLINK("http://x","bấm")');
    expect(formula.getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  test('lays arrivals out by weekday and hour and ratings by level', async () => {
    const workbook = await workbookOf((await renderReport(sampleSummary(), 'xlsx')).body);
    const hours = sheetOf(workbook, 'Theo thứ và giờ');
    const monday = rowStarting(hours, 'Thứ Hai / Monday');
    // Monday (index 0) has 1 arrival an hour from 07h to 16h: cells 07h..16h, total 10.
    expect(monday.getCell(2 + 7).value).toBe(1);
    expect(monday.getCell(2 + 6).value).toBe(0);
    expect(monday.getCell(26).value).toBe(10);
    expect(rowStarting(hours, 'Chủ Nhật / Sunday').getCell(26).value).toBe(0);
    const ratings = sheetOf(workbook, 'Đánh giá');
    const satisfiedLevel = rowStarting(ratings, '4. Hài lòng / Satisfied');
    // 5 of the 10 ratings: 50 %.
    expect(satisfiedLevel.getCell(2).value).toBe(5);
    expect(satisfiedLevel.getCell(3).value).toBe(0.5);
    expect(rowStarting(ratings, 'Chờ lâu').getCell(2).value).toBe(2);
  });
});
