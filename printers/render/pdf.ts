import { createCanvas, Image } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { ImageBlock, LayoutBlock, TextSize, TicketLayout } from '../layout/ticket-layout';
import { loadFonts, parsePdfFont, type FontFiles, type PdfFont } from './fonts';

/** Font size in points on an 80 mm wide PDF ticket. */
const FONT_PT: Record<TextSize, number> = { small: 8, normal: 10, large: 14, xlarge: 19, huge: 60 };
const MM = 72 / 25.4;
/** A thermal printer's dot (203 dpi) in points: the PNG preview's unit, so the logo matches it. */
const DOT = 72 / 203;
/** The resolution the logo is embedded at: sharp on paper, small in the file. */
const IMAGE_DPI = 300;

/** Page options for the PDF ticket. */
export interface PdfOptions {
  /** Paper width in millimetres (80 or 58). */
  widthMm?: number;
  fonts?: FontFiles;
}

interface ParsedFonts {
  regular: PdfFont;
  bold: PdfFont;
}

/** A picture ready for the page: a JPEG flattened on white, and its size in points. */
interface PdfImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Each image block's picture, or null for one that cannot be decoded (left out). */
type Images = Map<LayoutBlock, PdfImage | null>;

/**
 * The logo as the PNG preview draws it (raster-render.ts `placeImage`): `scale` of the paper
 * wide, never wider than the image at the printer's resolution. Decoded by the same library
 * as the preview (PNG or JPEG, any colour type) and re-encoded as a white-backed JPEG, so
 * pdfkit embeds it as it is, without decoding anything itself.
 */
function pdfImage(block: ImageBlock, paperWidth: number, inner: number): PdfImage | null {
  const image = new Image();
  image.src = Buffer.from(block.png);
  if (image.width === 0 || image.height === 0) return null;
  const width = Math.min(image.width * DOT, paperWidth * block.scale, inner);
  const height = (image.height * width) / image.width;
  const pixelsWide = Math.max(1, Math.min(image.width, Math.round((width / 72) * IMAGE_DPI)));
  const pixelsHigh = Math.max(1, Math.round((image.height * pixelsWide) / image.width));
  const canvas = createCanvas(pixelsWide, pixelsHigh);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, pixelsWide, pixelsHigh);
  ctx.drawImage(image, 0, 0, pixelsWide, pixelsHigh);
  return { jpeg: canvas.encodeSync('jpeg', 92), width, height };
}

/** Room above and below the logo, as the PNG preview leaves. */
const IMAGE_PAD = 6 * DOT;

let parsed: { key: string; fonts: ParsedFonts; measure: PDFKit.PDFDocument } | null = null;

/** Parses the TTFs with fontkit once; every PDF after the first reuses the parsed fonts. */
function parsedFonts(files?: FontFiles): { fonts: ParsedFonts; measure: PDFKit.PDFDocument } {
  const loaded = loadFonts(files);
  const key = `${loaded.files.regular}\n${loaded.files.bold}`;
  if (parsed?.key !== key) {
    const fonts = { regular: parsePdfFont(loaded.regular), bold: parsePdfFont(loaded.bold) };
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
  const images: Images = new Map(
    layout.blocks.flatMap((b) =>
      b.kind === 'image' ? [[b, pdfImage(b, width, inner)] as const] : [],
    ),
  );
  const height = layout.blocks.reduce(
    (h, b) => h + blockHeight(measure, b, inner, images),
    2 * margin,
  );
  const doc = newDoc(width, Math.ceil(height), fonts);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = margin;
  for (const block of layout.blocks) {
    drawBlock(doc, block, margin, y, inner, images);
    y += blockHeight(doc, block, inner, images);
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

function blockHeight(
  doc: PDFKit.PDFDocument,
  block: LayoutBlock,
  inner: number,
  images: Images,
): number {
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
    case 'image': {
      const image = images.get(block);
      return image ? image.height + 2 * IMAGE_PAD : 0;
    }
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
  images: Images,
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
    case 'image': {
      const image = images.get(block);
      if (!image) return;
      doc.image(image.jpeg, x + (inner - image.width) / 2, y + IMAGE_PAD, {
        width: image.width,
        height: image.height,
      });
      return;
    }
    case 'space':
      return;
  }
}
