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
  /**
   * Keeps picture bytes from spelling a real-time command (see `guardRealTime`); on by
   * default, off only to compare bytes with another encoder.
   */
  guardRealTime?: boolean;
}

/** Defaults that suit Epson TM-T82/T88 and Xprinter clones. */
export const DEFAULT_RASTER_OPTIONS: RasterOptions = {
  bandHeight: 128,
  minBlankRun: 8,
  motionUnitsPerDot: 1,
  guardRealTime: true,
};

/** `DLE`, and the second bytes of the real-time commands it starts: EOT, ENQ, DC4. */
const DLE = 0x10;
const REAL_TIME_SECOND_BYTES = new Set([0x04, 0x05, 0x14]);

/**
 * Printers act on real-time commands (`DLE EOT` status, `DLE ENQ` recovery, `DLE DC4`
 * drawer pulse and power-off) the moment they receive them, even inside the data of a
 * picture, where they would answer stray status bytes or even switch off. Epson's
 * `GS ( D` disables only `DLE DC4` and only on some models, so instead each picture byte
 * `0x10` followed by such a byte gets one more dot (`0x18`): one dot in 8 × 8, never
 * visible, and the data can no longer spell a command on any printer. Returns `data`
 * itself when nothing needed changing.
 */
export function guardRealTime(data: Uint8Array): Uint8Array {
  let out: Uint8Array | null = null;
  for (let i = 0; i + 1 < data.length; i++) {
    if (data[i] === DLE && REAL_TIME_SECOND_BYTES.has(data[i + 1] ?? 0)) {
      out ??= Uint8Array.from(data);
      out[i] = 0x18;
    }
  }
  return out ?? data;
}

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
    const band = bitmap.data.subarray(row * bytesPerRow, end * bytesPerRow);
    chunks.push(header, options.guardRealTime === false ? band : guardRealTime(band));
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
