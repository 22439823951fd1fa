import type { Align } from '../layout/ticket-layout';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

/** `ESC @`: reset the printer to its power-on settings. */
export function initialize(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** `ESC t n`: select character code table `n` (printer-specific numbering). */
export function selectCodeTable(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x74, byte(n));
}

/** `ESC a n`: justification for the following lines. */
export function align(a: Align): Uint8Array {
  return Uint8Array.of(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);
}

/** `ESC E n`: emphasised (bold) on or off. */
export function bold(on: boolean): Uint8Array {
  return Uint8Array.of(ESC, 0x45, on ? 1 : 0);
}

/** `GS ! n`: character width and height multipliers, each 1..8. */
export function charSize(width: number, height: number): Uint8Array {
  if (width < 1 || width > 8 || height < 1 || height > 8) throw new RangeError('size 1..8');
  return Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

/** `ESC d n`: print the buffer and feed `n` lines. */
export function feedLines(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, byte(n));
}

/** `ESC J n`: print the buffer and feed `n` motion units (one dot on most 203 dpi printers). */
export function feedDots(n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let left = n; left > 0; left -= 255) out.push(Uint8Array.of(ESC, 0x4a, Math.min(255, left)));
  return out;
}

/** How the paper is cut at the end of a job. */
export type CutMode = 'partial' | 'full' | 'none';

/** `GS V m n` (function B): feed to the cutter and cut. */
export function cut(mode: CutMode): Uint8Array {
  if (mode === 'none') return new Uint8Array(0);
  return Uint8Array.of(GS, 0x56, mode === 'full' ? 0x41 : 0x42, 0);
}

/** `DLE EOT n`: real-time status request (1 printer, 2 offline cause, 4 paper sensor). */
export function statusRequest(n: 1 | 2 | 4): Uint8Array {
  return Uint8Array.of(DLE, 0x04, n);
}

/** QR error correction levels, lowest to highest. */
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/**
 * Epson `GS ( k` QR code (model 2): select model, module size, error level, store the
 * data, print it. `data` must be ASCII-safe bytes (a URL).
 */
export function qrCode(data: string, moduleSize: number, level: QrErrorLevel): Uint8Array {
  const payload = Buffer.from(data, 'utf8');
  const storeLength = payload.length + 3;
  if (storeLength > 0xffff) throw new RangeError('QR data too long');
  const fn = (bytes: number[]): number[] => [
    GS,
    0x28,
    0x6b,
    bytes.length & 0xff,
    bytes.length >> 8,
    ...bytes,
  ];
  return Uint8Array.from([
    ...fn([0x31, 0x41, 0x32, 0x00]),
    ...fn([0x31, 0x43, Math.max(1, Math.min(16, moduleSize))]),
    ...fn([0x31, 0x45, 0x30 + 'LMQH'.indexOf(level)]),
    GS,
    0x28,
    0x6b,
    storeLength & 0xff,
    storeLength >> 8,
    0x31,
    0x50,
    0x30,
    ...payload,
    ...fn([0x31, 0x51, 0x30]),
  ]);
}

/** Concatenates byte chunks into one buffer. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function byte(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`not a byte: ${n}`);
  return n;
}
