import { buildTicketLayout } from '../../../../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../../printers/layout/sample';
import { encodeTicket } from '../../../../printers/escpos/encode-ticket';
import type { EscPosOptions } from '../../../../printers/escpos/options';
import { DEFAULT_RASTER_OPTIONS } from '../../../../printers/escpos/raster';
import { decodeEscPos } from '../../../support/printers/escpos-decoder';
import { bitmapToPng } from '../../../../printers/render/png';

/** The sample ticket's layout, English lines included, as every golden file uses it. */
export const sampleLayout = buildTicketLayout(SAMPLE_TICKET, { ...SAMPLE_CENTRE, english: true });

/** Golden byte files: name → encoder options. */
export const GOLDEN_BYTES: Record<string, Partial<EscPosOptions>> = {
  'sample-codepage-tcvn3.bin': { mode: 'codepage', charset: 'tcvn3' },
  'sample-codepage-cp1258.bin': { mode: 'codepage', charset: 'cp1258', width: 384 },
  'sample-ascii.bin': { mode: 'ascii' },
};

/** Golden images: name → raster options; the PNG is the decoded job, as a person sees it. */
export const GOLDEN_IMAGES: Record<string, Partial<EscPosOptions>> = {
  'sample-raster-576.png': { mode: 'raster', width: 576 },
  'sample-raster-384.png': { mode: 'raster', width: 384 },
};

/** Encodes a golden case. */
export function goldenBytes(options: Partial<EscPosOptions>): Uint8Array {
  return encodeTicket(sampleLayout, options);
}

/**
 * Encodes, decodes and draws a golden image case, unguarded: the picture as drawn, which
 * guarding against real-time commands may alter by an isolated dot.
 */
export function goldenImagePng(options: Partial<EscPosOptions>): Buffer {
  const width = options.width ?? 576;
  const unguarded = { ...options, raster: { ...DEFAULT_RASTER_OPTIONS, guardRealTime: false } };
  return bitmapToPng(decodeEscPos(encodeTicket(sampleLayout, unguarded), width).image);
}
