import { createCanvas } from '@napi-rs/canvas';
import type { TicketLayout } from '../layout/ticket-layout';
import { bitmapToRgba, type Bitmap } from './bitmap';
import { renderRaster, type RasterRenderOptions } from './raster-render';

/** Encodes a 1-bit bitmap as a PNG (black on white). */
export function bitmapToPng(bitmap: Bitmap): Buffer {
  const canvas = createCanvas(bitmap.width, Math.max(1, bitmap.height));
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(bitmap.width, Math.max(1, bitmap.height));
  image.data.set(bitmapToRgba(bitmap));
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

/** A PNG preview of the ticket exactly as a raster printer of that width prints it. */
export function renderPng(
  layout: TicketLayout,
  options: Omit<RasterRenderOptions, 'nativeQr'>,
): Buffer {
  return bitmapToPng(renderRaster(layout, options));
}
