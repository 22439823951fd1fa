import type { Bitmap } from '../render/bitmap';
import { concatBytes, feedDots } from './commands';

/** How a bitmap is cut into `GS v 0` commands. */
export interface RasterOptions {
  /** Most rows per `GS v 0` command; small bands suit printers with small buffers. */
  bandHeight: number;
  /** Runs of at least this many blank rows are replaced by a paper feed. */
  minBlankRun: number;
  /** Printer motion units per dot for `ESC J` (1 on most 203 dpi printers). */
  motionUnitsPerDot: number;
}

/** Defaults that suit Epson TM-T82/T88 and Xprinter clones. */
export const DEFAULT_RASTER_OPTIONS: RasterOptions = {
  bandHeight: 128,
  minBlankRun: 8,
  motionUnitsPerDot: 1,
};

/**
 * Encodes a 1-bit bitmap as `GS v 0` raster bands; blank runs become `ESC J` feeds so
 * white space costs no transfer time.
 */
export function encodeRaster(
  bitmap: Bitmap,
  options: RasterOptions = DEFAULT_RASTER_OPTIONS,
): Uint8Array {
  const { bytesPerRow, height } = bitmap;
  const blankRun = blankRunsFrom(bitmap);
  const chunks: Uint8Array[] = [];
  let row = 0;
  while (row < height) {
    const blank = blankRun[row] ?? 0;
    if (blank >= options.minBlankRun || (blank > 0 && row + blank === height)) {
      chunks.push(...feedDots(blank * options.motionUnitsPerDot));
      row += blank;
      continue;
    }
    let end = row + Math.max(1, blank);
    while (
      end < height &&
      end - row < options.bandHeight &&
      (blankRun[end] ?? 0) < options.minBlankRun
    )
      end++;
    const rows = end - row;
    const header = Uint8Array.of(
      0x1d,
      0x76,
      0x30,
      0,
      bytesPerRow & 0xff,
      bytesPerRow >> 8,
      rows & 0xff,
      rows >> 8,
    );
    chunks.push(header, bitmap.data.subarray(row * bytesPerRow, end * bytesPerRow));
    row = end;
  }
  return concatBytes(chunks);
}

/** For each row, how many blank rows start there (0 when the row has ink). */
function blankRunsFrom(bitmap: Bitmap): Uint32Array {
  const { bytesPerRow, data, height } = bitmap;
  const runs = new Uint32Array(height + 1);
  for (let row = height - 1; row >= 0; row--) {
    const start = row * bytesPerRow;
    let blank = true;
    for (let i = start; i < start + bytesPerRow; i++) {
      if (data[i] !== 0) {
        blank = false;
        break;
      }
    }
    runs[row] = blank ? (runs[row + 1] ?? 0) + 1 : 0;
  }
  return runs;
}
