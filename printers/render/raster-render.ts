import { createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { QrErrorLevel } from '../escpos/commands';
import type { LayoutBlock, TextSize, TicketLayout } from '../layout/ticket-layout';
import { wrapText } from '../text';
import { bitmapFromRgba, createBitmap, type Bitmap } from './bitmap';
import { nativeQrModuleSize } from './qr-bitmap';
import { FONT_FAMILY, loadFonts, type FontFiles } from './fonts';

/** Font size in dots on an 80 mm (576-dot) ticket; other widths scale. */
const FONT_PX: Record<TextSize, number> = {
  small: 22,
  normal: 27,
  large: 38,
  xlarge: 52,
  huge: 170,
};

/** Options for drawing a layout onto a `width`-dot roll. */
export interface RasterRenderOptions {
  /** Printable width in dots: 576 for 80 mm, 384 for 58 mm, or the printer's own. */
  width: number;
  /** Leave QR codes out of the image and report them, so the printer draws them (`GS ( k`). */
  nativeQr?: boolean;
  qrErrorLevel?: QrErrorLevel;
  fonts?: FontFiles;
}

/** A piece of the printed ticket: a picture, or a QR code the printer draws itself. */
export type RasterSegment =
  | { kind: 'bitmap'; bitmap: Bitmap }
  | { kind: 'qr'; data: string; moduleSize: number; level: QrErrorLevel };

interface Placed {
  height: number;
  draw(ctx: SKRSContext2D, top: number, width: number): void;
}

/**
 * Draws a layout as 1-bit bitmaps, top to bottom. With `nativeQr`, each QR code becomes
 * its own segment between bitmaps; otherwise the result is a single bitmap.
 */
export function renderRasterSegments(
  layout: TicketLayout,
  options: RasterRenderOptions,
): RasterSegment[] {
  loadFonts(options.fonts);
  const { width } = options;
  if (!Number.isInteger(width) || width < 64 || width > 4096)
    throw new RangeError(`bad width ${width}`);
  const level = options.qrErrorLevel ?? 'M';
  // Small text stays legible on 58 mm rolls, so type shrinks less than the paper does.
  const scale = Math.max(width / 576, 0.8);
  const measure = createCanvas(1, 1).getContext('2d');
  const segments: RasterSegment[] = [];
  let pending: Placed[] = [];
  const flush = (): void => {
    if (pending.length > 0) segments.push({ kind: 'bitmap', bitmap: drawAll(pending, width) });
    pending = [];
  };
  for (const block of layout.blocks) {
    if (block.kind === 'qr' && options.nativeQr) {
      flush();
      const moduleSize = nativeQrModuleSize(block.data, width, block.scale, level);
      segments.push({ kind: 'qr', data: block.data, moduleSize, level });
      continue;
    }
    pending.push(place(block, measure, width, scale, level));
  }
  flush();
  return segments;
}

/** Draws the whole layout, QR codes included, as one bitmap (PNG preview, tests). */
export function renderRaster(layout: TicketLayout, options: RasterRenderOptions): Bitmap {
  const [only] = renderRasterSegments(layout, { ...options, nativeQr: false });
  return only?.kind === 'bitmap' ? only.bitmap : createBitmap(options.width, 0);
}

function drawAll(items: Placed[], width: number): Bitmap {
  const height = Math.max(
    1,
    items.reduce((h, p) => h + p.height, 0),
  );
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  let top = 0;
  for (const item of items) {
    item.draw(ctx, top, width);
    top += item.height;
  }
  return bitmapFromRgba(ctx.getImageData(0, 0, width, height).data, width, height);
}

function place(
  block: LayoutBlock,
  ctx: SKRSContext2D,
  width: number,
  scale: number,
  level: QrErrorLevel,
): Placed {
  const margin = Math.round(8 * scale);
  switch (block.kind) {
    case 'space':
      return { height: Math.round(block.height * scale), draw: () => undefined };
    case 'rule': {
      const thick = Math.max(2, Math.round(3 * scale));
      const pad = Math.round(10 * scale);
      return {
        height: thick + 2 * pad,
        draw: (c, top) => c.fillRect(margin, top + pad, width - 2 * margin, thick),
      };
    }
    case 'text':
      return placeText(block.text, block.size, block.bold, block.align, ctx, width, scale, margin);
    case 'qr':
      return placeQr(block.data, block.scale, width, level);
    case 'image':
      return placeImage(block.png, block.scale, width, scale);
  }
}

function placeText(
  text: string,
  size: TextSize,
  bold: boolean,
  align: 'left' | 'center' | 'right',
  ctx: SKRSContext2D,
  width: number,
  scale: number,
  margin: number,
): Placed {
  const maxWidth = width - 2 * margin;
  let px = Math.round(FONT_PX[size] * scale);
  const font = (n: number): string => `${bold ? 'bold ' : ''}${n}px "${FONT_FAMILY}"`;
  ctx.font = font(px);
  if (size === 'huge') {
    while (px > 12 && ctx.measureText(text).width > maxWidth)
      ctx.font = font((px = Math.floor(px * 0.9)));
  }
  const lines = wrapText(text, maxWidth, (s) => ctx.measureText(s).width);
  const metrics = ctx.measureText('ĐẶỸgÁ');
  const ascent = Math.ceil(size === 'huge' ? px * 0.76 : metrics.actualBoundingBoxAscent) + 2;
  const lineHeight =
    ascent + Math.ceil(size === 'huge' ? px * 0.06 : metrics.actualBoundingBoxDescent) + 4;
  const finalFont = font(px);
  return {
    height: lines.length * lineHeight,
    draw: (c, top) => {
      c.font = finalFont;
      c.textAlign = align;
      const x = align === 'left' ? margin : align === 'right' ? width - margin : width / 2;
      lines.forEach((line, i) => c.fillText(line, x, top + i * lineHeight + ascent));
    },
  };
}

function placeQr(data: string, share: number, width: number, level: QrErrorLevel): Placed {
  const qr = QRCode.create(data, { errorCorrectionLevel: level });
  const n = qr.modules.size;
  const module = Math.max(2, Math.floor((width * share) / n));
  const side = n * module;
  const quiet = 2 * module;
  return {
    height: side + 2 * quiet,
    draw: (c, top) => {
      const left = Math.floor((width - side) / 2);
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          if (qr.modules.get(y, x))
            c.fillRect(left + x * module, top + quiet + y * module, module, module);
        }
      }
    },
  };
}

function placeImage(png: Uint8Array, share: number, width: number, scale: number): Placed {
  const image = new Image();
  image.src = Buffer.from(png);
  const w = Math.min(image.width, Math.round(width * share));
  const h = image.width > 0 ? Math.round((image.height * w) / image.width) : 0;
  const pad = Math.round(6 * scale);
  return {
    height: h + 2 * pad,
    draw: (c, top) => c.drawImage(image, Math.floor((width - w) / 2), top + pad, w, h),
  };
}
