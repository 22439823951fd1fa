import type { CutMode, QrErrorLevel } from './commands';
import type { VietnameseCharset } from './codepage';
import { DEFAULT_RASTER_OPTIONS, type RasterOptions } from './raster';

/** How text reaches the paper: as a picture (safe everywhere), a code table, or bare ASCII. */
export type PrintMode = 'raster' | 'codepage' | 'ascii';

/** Everything about a printer's dialect that shapes the bytes we send it. */
export interface EscPosOptions {
  /** Printable width in dots: 576 (80 mm), 384 (58 mm) or the model's own. */
  width: number;
  mode: PrintMode;
  /** `native` sends `GS ( k` so the printer draws the QR; `image` sends it as raster. */
  qr: 'native' | 'image';
  qrErrorLevel: QrErrorLevel;
  /** Code-page mode: which Vietnamese character set the printer's table holds. */
  charset: VietnameseCharset;
  /** Code-page mode: the `ESC t` table number of that set on this model (Epson: 30 / 52). */
  codeTable: number;
  /** Characters per line of font A; defaults to width / 12. */
  columns?: number;
  /** Lines fed before the cut. */
  feedLines: number;
  cut: CutMode;
  raster: RasterOptions;
}

/** Epson `ESC t` numbers of the Vietnamese tables (Xprinter clones differ: configure them). */
export const EPSON_CODE_TABLES: Record<VietnameseCharset, number> = { tcvn3: 30, cp1258: 52 };

/** Fills in defaults: 80 mm raster, printer-drawn QR, TCVN-3 on Epson's table 30. */
export function escPosOptions(partial: Partial<EscPosOptions> = {}): EscPosOptions {
  const charset = partial.charset ?? 'tcvn3';
  return {
    width: 576,
    mode: 'raster',
    qr: 'native',
    qrErrorLevel: 'M',
    charset,
    codeTable: EPSON_CODE_TABLES[charset],
    feedLines: 4,
    cut: 'partial',
    ...partial,
    raster: { ...DEFAULT_RASTER_OPTIONS, ...partial.raster },
  };
}
