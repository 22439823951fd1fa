import ExcelJS from 'exceljs';
import type { ReportSummary } from '../../contract/reports';
import {
  displayGeneratedAt,
  displayPeriod,
  filterLines,
  GROUPING_TEXT,
  header,
  labelOfLevel,
  ratingLevelsOf,
  reportColumns,
  TEXT,
  totalRow,
  WEEKDAYS,
  type ColumnKind,
} from './report-columns';

/** Number formats: minutes to one decimal, shares as percent, counts whole. */
const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '0',
  minutes: '0.0',
  share: '0.0%',
};

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE6F0' },
};

/** Writes the centre, period, grouping and generation time above a sheet's table. */
function headerBlock(sheet: ExcelJS.Worksheet, summary: ReportSummary, title: string): number {
  sheet.addRow([`${header(TEXT.report)} — ${title}`]).font = { bold: true, size: 14 };
  const lines: [{ vi: string; en: string }, string][] = [
    [TEXT.centre, summary.centre.name],
    [TEXT.address, summary.centre.address],
    [TEXT.period, displayPeriod(summary)],
    [TEXT.grouping, header(GROUPING_TEXT[summary.groupBy])],
    [TEXT.generatedAt, displayGeneratedAt(summary)],
  ];
  lines.push(...filterLines(summary));
  for (const [label, value] of lines) {
    const row = sheet.addRow([header(label), value]);
    row.getCell(1).font = BOLD;
  }
  sheet.addRow([]);
  return sheet.rowCount + 1;
}

/** Styles a table's header row: bold, wrapped, shaded, frozen above the data. */
function tableHeader(sheet: ExcelJS.Worksheet, headers: string[], xSplit: number): ExcelJS.Row {
  const row = sheet.addRow(headers);
  row.font = BOLD;
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.height = 48;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.views = [{ state: 'frozen', xSplit, ySplit: row.number }];
  return row;
}

/**
 * A grouping's sheet: one row per group, the total row bold, an autofilter over the groups.
 * Each grouping asked gets one (`alsoGrouped` after the first).
 */
function groupSheet(workbook: ExcelJS.Workbook, summary: ReportSummary): void {
  const title = GROUPING_TEXT[summary.groupBy].vi;
  const sheet = workbook.addWorksheet(title);
  const columns = reportColumns(summary, { hours: true });
  headerBlock(sheet, summary, title);
  const head = tableHeader(
    sheet,
    columns.map((c) => header(c)),
    1,
  );
  columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    const format = NUMBER_FORMAT[column.kind];
    if (format) col.numFmt = format;
  });
  for (const row of summary.rows) sheet.addRow(columns.map((c) => c.value(row)));
  const total = sheet.addRow(columns.map((c) => c.value(totalRow(summary))));
  total.font = BOLD;
  total.border = { top: { style: 'thin' } };
  // The filter covers the groups only, so sorting never moves the total row.
  sheet.autoFilter = {
    from: { row: head.number, column: 1 },
    to: { row: Math.max(head.number, total.number - 1), column: columns.length },
  };
}

/** Arrivals by weekday (rows, Monday first) × hour of the day (columns). */
function hoursSheet(workbook: ExcelJS.Workbook, summary: ReportSummary): void {
  const sheet = workbook.addWorksheet(TEXT.sheetHours.vi);
  headerBlock(sheet, summary, TEXT.sheetHours.vi);
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}h`);
  tableHeader(sheet, [header(TEXT.weekday), ...hours, header(TEXT.total)], 1);
  sheet.getColumn(1).width = 22;
  for (let h = 2; h <= 26; h++) sheet.getColumn(h).width = 7;
  summary.arrivalsByWeekdayHour.forEach((counts, day) => {
    const weekday = WEEKDAYS[day] ?? { vi: String(day), en: String(day) };
    const sum = counts.reduce((a, b) => a + b, 0);
    sheet.addRow([header(weekday), ...counts, sum]);
  });
}

/** Ratings per level with their share, then the low-score reasons, over the total. */
function ratingsSheet(workbook: ExcelJS.Workbook, summary: ReportSummary): void {
  const sheet = workbook.addWorksheet(TEXT.sheetRatings.vi);
  headerBlock(sheet, summary, TEXT.sheetRatings.vi);
  tableHeader(sheet, [header(TEXT.level), header(TEXT.count), header(TEXT.share)], 0);
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(2).numFmt = '0';
  sheet.getColumn(3).numFmt = '0.0%';
  const { total } = summary;
  for (const level of ratingLevelsOf(summary)) {
    const n = total.ratingLevels[level - 1] ?? 0;
    const named = summary.ratingScale.find((l) => l.level === level);
    sheet.addRow([
      named
        ? `${level}. ${named.label} / ${named.labelEn}`
        : `${labelOfLevel(summary, level, 'vi')} / ${labelOfLevel(summary, level, 'en')}`,
      n,
      total.ratings > 0 ? n / total.ratings : null,
    ]);
  }
  const sums = sheet.addRow([header(TEXT.total), total.ratings, null]);
  sums.font = BOLD;
  sheet.addRow([header(TEXT.chartSatisfied), null, total.satisfiedShare]).font = BOLD;
  sheet.addRow([]);
  const reasons = sheet.addRow([header(TEXT.reason), header(TEXT.count)]);
  reasons.font = BOLD;
  for (const [reason, n] of Object.entries(total.lowScoreReasons).sort((a, b) => b[1] - a[1])) {
    sheet.addRow([reason, n]);
  }
}

/**
 * The summary as an Excel workbook: each grouping's sheet ("Theo dịch vụ"…) with typed
 * numbers (minutes `0.0`, shares `0.0%`), then arrivals by weekday × hour and the ratings.
 */
export async function renderXlsx(summary: ReportSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Luot';
  workbook.created = new Date(summary.generatedAt);
  workbook.title = `${TEXT.report.vi} ${displayPeriod(summary)}`;
  groupSheet(workbook, summary);
  for (const sheet of summary.alsoGrouped ?? []) groupSheet(workbook, { ...summary, ...sheet });
  hoursSheet(workbook, summary);
  ratingsSheet(workbook, summary);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
