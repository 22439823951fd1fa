import { WAIT_BAND_MINUTES, type ReportSummary } from '../../contract/reports';
import { header, TEXT } from './report-columns';

/** Where a chart is drawn on the page, in points. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const BAR = '#3b6ea5';
const DOT = '#d9822b';
const GRID = '#c8c8c8';
const INK = '#222222';

/** A round step for an axis reaching `max`, so about five grid lines are drawn. */
function niceStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 2.5, 5, 10].find((u) => u * power >= raw) ?? 10;
  return unit * power;
}

function axisFrame(doc: PDFKit.PDFDocument, plot: Box, max: number): number {
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  doc.font('regular').fontSize(6.5).fillColor(INK);
  for (let v = 0; v <= top + 1e-9; v += step) {
    const y = plot.y + plot.height - (v / top) * plot.height;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.4)
      .stroke(GRID);
    doc.fillColor(INK).text(String(Math.round(v * 100) / 100), plot.x - 34, y - 3, {
      width: 30,
      align: 'right',
      lineBreak: false,
    });
  }
  return top;
}

/**
 * `text` with each word too wide for a line of `width` cut short with "…": pdfkit breaks
 * lines between words, but splits a word that fits on no line ("Ngu / yễn").
 */
function fitWords(doc: PDFKit.PDFDocument, text: string, width: number): string {
  // pdfkit measures a word with the space that follows it.
  const fits = (word: string): boolean => doc.widthOfString(`${word} `) <= width;
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      if (fits(word)) return word;
      const chars = [...word];
      let kept = chars.length - 1;
      while (kept > 0 && !fits(`${chars.slice(0, kept).join('')}…`)) kept--;
      return `${chars.slice(0, kept).join('')}…`;
    })
    .join(' ');
}

function title(doc: PDFKit.PDFDocument, text: string, box: Box): void {
  doc.font('bold').fontSize(10).fillColor(INK).text(text, box.x, box.y, { width: box.width });
}

/**
 * Bars of tickets served per group, with each group's satisfied share as a dot on a
 * 0–100 % axis at the right; group labels under the bars while they fit.
 */
export function drawServedChart(doc: PDFKit.PDFDocument, summary: ReportSummary, box: Box): void {
  title(doc, `${header(TEXT.chartServed)} · ${header(TEXT.chartSatisfied)} (●)`, box);
  const rows = summary.rows;
  const plot = { x: box.x + 40, y: box.y + 22, width: box.width - 80, height: box.height - 70 };
  const top = axisFrame(doc, plot, Math.max(1, ...rows.map((r) => r.served)));
  doc.font('regular').fontSize(6.5).fillColor(INK);
  for (let p = 0; p <= 100; p += 25) {
    const y = plot.y + plot.height - (p / 100) * plot.height;
    doc.text(`${p} %`, plot.x + plot.width + 4, y - 3, { width: 34, lineBreak: false });
  }
  if (rows.length === 0) return;
  const slot = plot.width / rows.length;
  const barWidth = Math.min(36, Math.max(0.5, slot * 0.7));
  const labelled = slot >= 14;
  rows.forEach((row, i) => {
    const x = plot.x + i * slot + (slot - barWidth) / 2;
    const h = (row.served / top) * plot.height;
    if (h > 0) doc.rect(x, plot.y + plot.height - h, barWidth, h).fill(BAR);
    if (row.satisfiedShare !== null) {
      const y = plot.y + plot.height - row.satisfiedShare * plot.height;
      doc.circle(x + barWidth / 2, y, Math.min(2.5, Math.max(1, slot / 3))).fill(DOT);
    }
    if (labelled) {
      doc.font('regular').fontSize(6).fillColor(INK);
      doc.text(fitWords(doc, row.label, slot), plot.x + i * slot, plot.y + plot.height + 3, {
        width: slot,
        height: 40,
        align: 'center',
        ellipsis: true,
      });
    }
  });
}

/** Bars of called tickets per wait band (0–5, 5–10 … 120+ minutes). */
export function drawWaitChart(doc: PDFKit.PDFDocument, summary: ReportSummary, box: Box): void {
  title(doc, `${header(TEXT.chartWaits)} — ${header(TEXT.waitBand)}`, box);
  const plot = { x: box.x + 40, y: box.y + 22, width: box.width - 60, height: box.height - 44 };
  const bands = summary.waitBands;
  const top = axisFrame(doc, plot, Math.max(1, ...bands));
  const slot = plot.width / Math.max(1, bands.length);
  bands.forEach((n, i) => {
    const h = (n / top) * plot.height;
    const width = Math.min(36, slot * 0.7);
    const x = plot.x + i * slot + (slot - width) / 2;
    if (h > 0) doc.rect(x, plot.y + plot.height - h, width, h).fill(BAR);
    const low = WAIT_BAND_MINUTES[i] ?? 0;
    const high = WAIT_BAND_MINUTES[i + 1];
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(INK)
      .text(
        high === undefined ? `${low}+` : `${low}–${high}`,
        plot.x + i * slot,
        plot.y + plot.height + 3,
        {
          width: slot,
          align: 'center',
          lineBreak: false,
        },
      );
    if (n > 0) {
      doc.text(String(n), plot.x + i * slot, plot.y + plot.height - h - 9, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
    }
  });
}
