import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { LayoutBlock, TextSize, TicketLayout } from '../layout/ticket-layout';
import { loadFonts, type FontFiles } from './fonts';
import * as fontkit from 'fontkit';

/** Font size in points on an 80 mm wide PDF ticket. */
const FONT_PT: Record<TextSize, number> = { small: 8, normal: 10, large: 14, xlarge: 19, huge: 60 };
const MM = 72 / 25.4;

/** Page options for the PDF ticket. */
export interface PdfOptions {
  /** Paper width in millimetres (80 or 58). */
  widthMm?: number;
  fonts?: FontFiles;
}

interface ParsedFonts {
  regular: object;
  bold: object;
}

let parsed: { key: string; fonts: ParsedFonts; measure: PDFKit.PDFDocument } | null = null;

/** Parses the TTFs with fontkit once; every PDF after the first reuses the parsed fonts. */
function parsedFonts(files?: FontFiles): { fonts: ParsedFonts; measure: PDFKit.PDFDocument } {
  const loaded = loadFonts(files);
  const key = `${loaded.files.regular}\n${loaded.files.bold}`;
  if (parsed?.key !== key) {
    const fonts = { regular: fontkit.create(loaded.regular), bold: fontkit.create(loaded.bold) };
    // A document that is never ended, kept only to measure text before the real page is sized.
    parsed = { key, fonts, measure: newDoc(100, 100, fonts) };
  }
  return parsed;
}

/**
 * Renders the ticket as a one-page PDF as wide as the roll, as tall as the content, with the
 * Vietnamese font embedded (subset), for browser printing and archives.
 */
export function renderPdf(layout: TicketLayout, options: PdfOptions = {}): Promise<Buffer> {
  const { fonts, measure } = parsedFonts(options.fonts);
  const width = (options.widthMm ?? 80) * MM;
  const margin = 4 * MM;
  const inner = width - 2 * margin;
  const height = layout.blocks.reduce((h, b) => h + blockHeight(measure, b, inner), 2 * margin);
  const doc = newDoc(width, Math.ceil(height), fonts);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = margin;
  for (const block of layout.blocks) {
    drawBlock(doc, block, margin, y, inner);
    y += blockHeight(doc, block, inner);
  }
  doc.end();
  return done;
}

function newDoc(width: number, height: number, fonts: ParsedFonts): PDFKit.PDFDocument {
  // Starting on our own font spares pdfkit from parsing its Helvetica metrics for every PDF.
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: true,
    font: fonts.regular as unknown as string,
  });
  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  doc.info.Title = 'Luot ticket';
  return doc;
}

function blockHeight(doc: PDFKit.PDFDocument, block: LayoutBlock, inner: number): number {
  switch (block.kind) {
    case 'text':
      doc
        .font(block.bold ? 'bold' : 'regular')
        .fontSize(fitSize(doc, block.text, block.size, inner));
      return doc.heightOfString(block.text, { width: inner, align: block.align }) + 2;
    case 'rule':
      return 8;
    case 'space':
      return block.height * 0.4;
    case 'qr':
      return inner * block.scale + 6;
    case 'image':
      return 0;
  }
}

function fitSize(doc: PDFKit.PDFDocument, text: string, size: TextSize, inner: number): number {
  let pt = FONT_PT[size];
  if (size !== 'huge') return pt;
  while (pt > 8 && doc.fontSize(pt).widthOfString(text) > inner) pt = Math.floor(pt * 0.9);
  return pt;
}

function drawBlock(
  doc: PDFKit.PDFDocument,
  block: LayoutBlock,
  x: number,
  y: number,
  inner: number,
): void {
  switch (block.kind) {
    case 'text':
      doc
        .font(block.bold ? 'bold' : 'regular')
        .fontSize(fitSize(doc, block.text, block.size, inner));
      doc.fillColor('black').text(block.text, x, y, { width: inner, align: block.align });
      return;
    case 'rule':
      doc
        .moveTo(x, y + 4)
        .lineTo(x + inner, y + 4)
        .lineWidth(1)
        .stroke('black');
      return;
    case 'qr': {
      const qr = QRCode.create(block.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const module = (inner * block.scale) / n;
      const left = x + (inner - n * module) / 2;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++)
          if (qr.modules.get(r, c)) doc.rect(left + c * module, y + 3 + r * module, module, module);
      }
      doc.fill('black');
      return;
    }
    case 'space':
    case 'image':
      return;
  }
}
