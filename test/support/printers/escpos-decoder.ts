import QRCode from 'qrcode';
import { createBitmap, getDot, setDot, type Bitmap } from '../../../printers/render/bitmap';

/** One recognised ESC/POS command, in the order sent. */
export type Decoded =
  | { op: 'init' }
  | { op: 'code-table'; n: number }
  | { op: 'align'; n: number }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'feed-lines'; n: number }
  | { op: 'feed-dots'; n: number }
  | { op: 'cut'; mode: number }
  | { op: 'status'; n: number }
  | { op: 'raster'; widthBytes: number; rows: number }
  | { op: 'qr'; data: string; moduleSize: number; level: string }
  | { op: 'text'; bytes: number[] }
  | { op: 'lf' };

/** A decoded job: its commands, the paper as an image, and the text lines printed. */
export interface DecodedJob {
  commands: Decoded[];
  image: Bitmap;
  lines: number[][];
}

const LINE_DOTS = 30;

/**
 * Parses ESC/POS bytes as our encoders write them and replays them onto a paper image of
 * `width` dots. Throws on any byte or command it does not know, so stray output fails tests.
 */
export function decodeEscPos(bytes: Uint8Array, width: number): DecodedJob {
  const commands: Decoded[] = [];
  const rows: boolean[][] = [];
  const lines: number[][] = [];
  let text: number[] = [];
  let align = 0;
  let qrState: { data?: string; moduleSize: number; level: string } = { moduleSize: 3, level: 'L' };
  const blank = (n: number): void => {
    for (let i = 0; i < n; i++) rows.push(new Array<boolean>(width).fill(false));
  };
  let i = 0;
  const need = (n: number): void => {
    if (i + n > bytes.length) throw new Error(`truncated command at ${i}`);
  };
  const at = (k: number): number => bytes[i + k] ?? 0;
  const flushText = (): void => {
    if (text.length > 0) commands.push({ op: 'text', bytes: text });
    lines.push(text);
    text = [];
  };
  while (i < bytes.length) {
    const b = at(0);
    if (b === 0x0a) {
      flushText();
      commands.push({ op: 'lf' });
      blank(LINE_DOTS);
      i += 1;
    } else if (b >= 0x20 && b !== 0x7f) {
      text.push(b);
      i += 1;
    } else if (b === 0x1b) {
      need(2);
      const c = at(1);
      if (c === 0x40) {
        commands.push({ op: 'init' });
        i += 2;
      } else {
        need(3);
        const n = at(2);
        if (c === 0x74) commands.push({ op: 'code-table', n });
        else if (c === 0x61) commands.push({ op: 'align', n: (align = n) });
        else if (c === 0x45) commands.push({ op: 'bold', on: n === 1 });
        else if (c === 0x64) {
          commands.push({ op: 'feed-lines', n });
          blank(n * LINE_DOTS);
        } else if (c === 0x4a) {
          commands.push({ op: 'feed-dots', n });
          blank(n);
        } else throw new Error(`unknown ESC 0x${c.toString(16)} at ${i}`);
        i += 3;
      }
    } else if (b === 0x1d) {
      need(2);
      const c = at(1);
      if (c === 0x21) {
        need(3);
        commands.push({ op: 'size', width: (at(2) >> 4) + 1, height: (at(2) & 15) + 1 });
        i += 3;
      } else if (c === 0x56) {
        need(4);
        if (at(2) !== 0x41 && at(2) !== 0x42) throw new Error(`unknown cut ${at(2)} at ${i}`);
        commands.push({ op: 'cut', mode: at(2) });
        i += 4;
      } else if (c === 0x76) {
        need(8);
        if (at(2) !== 0x30 || at(3) !== 0) throw new Error(`unknown GS v mode at ${i}`);
        const widthBytes = at(4) | (at(5) << 8);
        const n = at(6) | (at(7) << 8);
        need(8 + widthBytes * n);
        if (widthBytes * 8 > width) throw new Error(`raster wider than paper at ${i}`);
        for (let r = 0; r < n; r++) {
          const row = new Array<boolean>(width).fill(false);
          for (let x = 0; x < widthBytes * 8; x++) {
            const byte = bytes[i + 8 + r * widthBytes + (x >> 3)] ?? 0;
            row[x] = (byte & (0x80 >> (x & 7))) !== 0;
          }
          rows.push(row);
        }
        commands.push({ op: 'raster', widthBytes, rows: n });
        i += 8 + widthBytes * n;
      } else if (c === 0x28 && at(2) === 0x6b) {
        need(5);
        const len = at(3) | (at(4) << 8);
        need(5 + len);
        const [cn, fn, m] = [at(5), at(6), at(7)];
        if (cn !== 0x31) throw new Error(`unknown GS ( k symbol ${cn} at ${i}`);
        if (fn === 0x41) void m;
        else if (fn === 0x43) qrState.moduleSize = m;
        else if (fn === 0x45) qrState.level = 'LMQH'[m - 0x30] ?? '?';
        else if (fn === 0x50)
          qrState.data = Buffer.from(bytes.subarray(i + 8, i + 5 + len)).toString('utf8');
        else if (fn === 0x51) {
          if (qrState.data === undefined) throw new Error('QR printed before data was stored');
          commands.push({
            op: 'qr',
            data: qrState.data,
            moduleSize: qrState.moduleSize,
            level: qrState.level,
          });
          drawQr(rows, width, align, qrState.data, qrState.moduleSize, qrState.level);
          qrState = { moduleSize: 3, level: 'L' };
        } else throw new Error(`unknown GS ( k function ${fn} at ${i}`);
        i += 5 + len;
      } else throw new Error(`unknown GS 0x${c.toString(16)} at ${i}`);
    } else if (b === 0x10) {
      need(3);
      if (at(1) !== 0x04) throw new Error(`unknown DLE at ${i}`);
      commands.push({ op: 'status', n: at(2) });
      i += 3;
    } else {
      throw new Error(`unknown byte 0x${b.toString(16)} at ${i}`);
    }
  }
  if (text.length > 0) flushText();
  const image = createBitmap(width, rows.length);
  rows.forEach((row, y) => row.forEach((dot, x) => dot && setDot(image, x, y)));
  return { commands, image, lines };
}

function drawQr(
  rows: boolean[][],
  width: number,
  align: number,
  data: string,
  size: number,
  level: string,
): void {
  const qr = QRCode.create(data, { errorCorrectionLevel: level as 'L' | 'M' | 'Q' | 'H' });
  const n = qr.modules.size;
  const side = n * size;
  const left = align === 1 ? Math.floor((width - side) / 2) : align === 2 ? width - side : 0;
  for (let y = 0; y < side; y++) {
    const row = new Array<boolean>(width).fill(false);
    for (let x = 0; x < side; x++)
      row[left + x] = qr.modules.get(Math.floor(y / size), Math.floor(x / size)) === 1;
    rows.push(row);
  }
}

/** Number of dots that differ between two bitmaps of the same size. */
export function diffDots(a: Bitmap, b: Bitmap): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size differs: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  let diff = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) if (getDot(a, x, y) !== getDot(b, x, y)) diff++;
  return diff;
}
