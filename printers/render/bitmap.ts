/**
 * A 1-bit image in the printer's own raster order: rows top to bottom, `bytesPerRow`
 * bytes each, most significant bit leftmost, 1 = black (burnt) dot.
 */
export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

/** An all-white bitmap. */
export function createBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

/** Reads one dot; true means black. */
export function getDot(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** Sets one dot black. */
export function setDot(bitmap: Bitmap, x: number, y: number): void {
  const i = y * bitmap.bytesPerRow + (x >> 3);
  bitmap.data[i] = (bitmap.data[i] ?? 0) | (0x80 >> (x & 7));
}

/** Thresholds RGBA pixels (white background) to 1 bit: darker than `threshold` is black. */
export function bitmapFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  threshold = 128,
): Bitmap {
  const bitmap = createBitmap(width, height);
  const limit = threshold * 1000;
  for (let y = 0; y < height; y++) {
    let p = y * width * 4;
    const rowStart = y * bitmap.bytesPerRow;
    for (let x = 0; x < width; x++, p += 4) {
      const alpha = rgba[p + 3] ?? 0;
      let luma = (rgba[p] ?? 0) * 299 + (rgba[p + 1] ?? 0) * 587 + (rgba[p + 2] ?? 0) * 114;
      // Transparent pixels count as the white paper under them.
      if (alpha !== 255) luma = (luma * alpha) / 255 + 255000 * (1 - alpha / 255);
      if (luma < limit) bitmap.data[rowStart + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

/** Expands a bitmap to opaque RGBA (black on white), e.g. to write a PNG or decode a QR. */
export function bitmapToRgba(bitmap: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
  const { data, bytesPerRow, width } = bitmap;
  for (let y = 0; y < bitmap.height; y++) {
    for (let b = 0; b < bytesPerRow; b++) {
      const byte = data[y * bytesPerRow + b] ?? 0;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit++) {
        const x = b * 8 + bit;
        if (x >= width || (byte & (0x80 >> bit)) === 0) continue;
        const p = (y * width + x) * 4;
        out[p] = out[p + 1] = out[p + 2] = 0;
      }
    }
  }
  return out;
}

/** Stacks bitmaps of the same width top to bottom. */
export function stackBitmaps(parts: readonly Bitmap[]): Bitmap {
  const width = parts[0]?.width ?? 0;
  const out = createBitmap(
    width,
    parts.reduce((h, p) => h + p.height, 0),
  );
  let at = 0;
  for (const p of parts) {
    if (p.width !== width) throw new RangeError('bitmaps differ in width');
    out.data.set(p.data, at);
    at += p.data.length;
  }
  return out;
}
