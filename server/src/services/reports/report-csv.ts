import type { ReportSummary } from '../../contract/reports';
import { header, reportColumns, totalRow, type ReportColumn } from './report-columns';

/** Cells that a spreadsheet would read as a formula: `= + - @`, and tab/CR that hide them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV: numbers plain with `.` decimals (minutes to 2 places, shares 0..1 to 4),
 * text quoted per RFC 4180 when it holds a quote, comma or line break, and text that a
 * spreadsheet would run as a formula prefixed with `'` (OWASP's CSV-injection guard).
 */
export function csvCell(value: string | number | null, kind: ReportColumn['kind']): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (kind === 'minutes') return String(Math.round(value * 100) / 100);
    if (kind === 'share') return String(Math.round(value * 10000) / 10000);
    return String(value);
  }
  let text = value.normalize('NFC');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The summary as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese), CRLF line
 * ends, one header line, one line per group, then the total line.
 */
export function renderCsv(summary: ReportSummary): Buffer {
  const columns = reportColumns(summary, { hours: true });
  const lines = [columns.map((c) => csvCell(header(c), 'text')).join(',')];
  for (const row of [...summary.rows, totalRow(summary)]) {
    lines.push(columns.map((c) => csvCell(c.value(row), c.kind)).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
