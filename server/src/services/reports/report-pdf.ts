import PDFDocument from 'pdfkit';
import { loadFonts, parsePdfFont, type PdfFont } from '../../../../printers/render/fonts';
import type { ReportRow, ReportSummary } from '../../contract/reports';
import {
  displayGeneratedAt,
  displayPeriod,
  filterLines,
  GROUPING_TEXT,
  header,
  reportColumns,
  TEXT,
  totalRow,
  type ReportColumn,
} from './report-columns';
import { drawServedChart, drawWaitChart } from './report-pdf-chart';

/** A4 landscape, in points. */
const PAGE = { width: 841.89, height: 595.28, margin: 32 };
const FOOTER = 20;
const LABEL_WIDTH = 100;
const HEAD_PT = 6;
const CELL_PT = 7.5;
const PAD = 2;

interface ParsedFonts {
  regular: PdfFont;
  bold: PdfFont;
}

let parsed: ParsedFonts | null = null;

/** DejaVu Sans parsed by fontkit once per process; each PDF embeds a subset of it. */
function fonts(): ParsedFonts {
  if (!parsed) {
    const loaded = loadFonts();
    parsed = { regular: parsePdfFont(loaded.regular), bold: parsePdfFont(loaded.bold) };
  }
  return parsed;
}

/** A cell as the PDF prints it: minutes to one decimal, shares as percent to two. */
export function pdfCell(value: string | number | null, kind: ReportColumn['kind']): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value.normalize('NFC');
  if (kind === 'minutes') return value.toFixed(1);
  if (kind === 'share') return `${(value * 100).toFixed(2)} %`;
  return String(value);
}

interface Table {
  columns: ReportColumn[];
  widths: number[];
  headHeight: number;
}

function layoutTable(doc: PDFKit.PDFDocument, summary: ReportSummary): Table {
  const columns = reportColumns(summary, { hours: false }).filter((c) => c.pdf);
  const inner = PAGE.width - 2 * PAGE.margin;
  const rows = [...summary.rows, totalRow(summary)];
  // Each number column is as wide as its header's longest word and its widest figure (so
  // neither breaks), and what is left is shared out; the label takes at least LABEL_WIDTH.
  const least = columns.map((c) => {
    if (c.kind === 'text') return LABEL_WIDTH;
    doc.font('bold').fontSize(HEAD_PT);
    // Measured as pdfkit's line breaking cuts them: a "/" stays with the word before it,
    // with the space after; a word wider than its column would be broken inside.
    const words = header(c)
      .split(/\s+(?!\/)/)
      .map((word) => doc.widthOfString(`${word} `));
    doc.font('bold').fontSize(CELL_PT);
    const cells = rows.map((row) => doc.widthOfString(pdfCell(c.value(row), c.kind)));
    return Math.max(...words, ...cells) + 2 * PAD + 1;
  });
  const spare = Math.max(0, inner - least.reduce((a, b) => a + b, 0)) / columns.length;
  const widths = least.map((w) => w + spare);
  doc.font('bold').fontSize(HEAD_PT);
  const headHeight = Math.max(
    ...columns.map((c, i) => doc.heightOfString(header(c), { width: (widths[i] ?? 0) - 2 * PAD })),
  );
  return { columns, widths, headHeight: headHeight + 2 * PAD };
}

function drawHead(doc: PDFKit.PDFDocument, table: Table, y: number): number {
  const inner = PAGE.width - 2 * PAGE.margin;
  doc.rect(PAGE.margin, y, inner, table.headHeight).fill('#dde6f0');
  doc.font('bold').fontSize(HEAD_PT).fillColor('#111111');
  let x = PAGE.margin;
  table.columns.forEach((column, i) => {
    const width = table.widths[i] ?? 0;
    doc.text(header(column), x + PAD, y + PAD, {
      width: width - 2 * PAD,
      align: column.kind === 'text' ? 'left' : 'center',
    });
    x += width;
  });
  return y + table.headHeight;
}

function rowHeight(doc: PDFKit.PDFDocument, table: Table, row: ReportRow, bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(CELL_PT);
  const label = doc.heightOfString(row.label, { width: (table.widths[0] ?? 0) - 2 * PAD });
  return Math.max(label, CELL_PT * 1.2) + 2 * PAD;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  table: Table,
  row: ReportRow,
  y: number,
  shade: boolean,
  bold: boolean,
): number {
  const height = rowHeight(doc, table, row, bold);
  const inner = PAGE.width - 2 * PAGE.margin;
  if (shade) doc.rect(PAGE.margin, y, inner, height).fill('#f3f5f8');
  if (bold) {
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + inner, y)
      .lineWidth(0.8)
      .stroke('#333333');
  }
  doc
    .font(bold ? 'bold' : 'regular')
    .fontSize(CELL_PT)
    .fillColor('#111111');
  let x = PAGE.margin;
  table.columns.forEach((column, i) => {
    const width = table.widths[i] ?? 0;
    doc.text(pdfCell(column.value(row), column.kind), x + PAD, y + PAD, {
      width: width - 2 * PAD,
      align: column.kind === 'text' ? 'left' : 'right',
    });
    x += width;
  });
  return y + height;
}

/** The centre, the period and the grouping on the first page; returns where the table starts. */
function drawTitle(doc: PDFKit.PDFDocument, summary: ReportSummary): number {
  const width = PAGE.width - 2 * PAGE.margin;
  doc.font('bold').fontSize(15).fillColor('#111111');
  doc.text(summary.centre.name.normalize('NFC'), PAGE.margin, PAGE.margin, { width });
  doc.font('regular').fontSize(9).text(summary.centre.address.normalize('NFC'), { width });
  doc.moveDown(0.4).font('bold').fontSize(12).text(header(TEXT.report), { width });
  const lines = [
    `${header(TEXT.period)}: ${displayPeriod(summary)}`,
    `${header(TEXT.grouping)}: ${header(GROUPING_TEXT[summary.groupBy])}`,
  ];
  for (const [label, value] of filterLines(summary)) lines.push(`${header(label)}: ${value}`);
  doc.font('regular').fontSize(9).text(lines.join('   ·   '), { width });
  return doc.y + 8;
}

/** "Trang 1/3 · Page 1/3" and the generation time at the foot of every page. */
function drawFooters(doc: PDFKit.PDFDocument, summary: ReportSummary): void {
  const range = doc.bufferedPageRange();
  const width = PAGE.width - 2 * PAGE.margin;
  const y = PAGE.height - PAGE.margin - FOOTER + 8;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).fillColor('#555555');
    doc.text(`${header(TEXT.generatedAt)}: ${displayGeneratedAt(summary)}`, PAGE.margin, y, {
      width,
      lineBreak: false,
    });
    const page = `${i + 1}/${range.count}`;
    doc.text(`${TEXT.page.vi} ${page} · ${TEXT.page.en} ${page}`, PAGE.margin, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
  }
}

/**
 * The summary as an A4 landscape PDF: the centre's header, the period and grouping, the
 * main columns' table (rows wrap, pages break with the header repeated), a chart page
 * (served and satisfied share per group, the wait distribution), page numbers, all in
 * the embedded DejaVu Sans so the Vietnamese text can be copied and searched.
 */
export function renderPdf(summary: ReportSummary): Promise<Buffer> {
  const { regular, bold } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE.margin,
    bufferPages: true,
    compress: true,
    // Starting on our own font spares pdfkit from parsing its Helvetica metrics.
    font: regular as unknown as string,
  });
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  doc.info.Title = `${TEXT.report.vi} ${displayPeriod(summary)}`;
  doc.info.Author = summary.centre.name;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = PAGE.height - PAGE.margin - FOOTER;
  const table = layoutTable(doc, summary);
  let y = drawHead(doc, table, drawTitle(doc, summary));
  const rows = [...summary.rows, totalRow(summary)];
  rows.forEach((row, i) => {
    const isTotal = i === rows.length - 1;
    if (y + rowHeight(doc, table, row, isTotal) > bottom) {
      doc.addPage();
      y = drawHead(doc, table, PAGE.margin);
    }
    y = drawRow(doc, table, row, y, !isTotal && i % 2 === 1, isTotal);
  });

  doc.addPage();
  const width = PAGE.width - 2 * PAGE.margin;
  const half = (bottom - PAGE.margin - 12) / 2;
  drawServedChart(doc, summary, { x: PAGE.margin, y: PAGE.margin, width, height: half });
  drawWaitChart(doc, summary, { x: PAGE.margin, y: PAGE.margin + half + 12, width, height: half });
  drawFooters(doc, summary);
  doc.end();
  return done;
}
