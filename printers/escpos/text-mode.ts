import type { TextSize, TicketLayout } from '../layout/ticket-layout';
import { qrBitmap, nativeQrModuleSize } from '../render/qr-bitmap';
import { toAscii, wrapText } from '../text';
import { encodeVietnamese } from './codepage';
import * as cmd from './commands';
import type { EscPosOptions } from './options';
import { encodeRaster } from './raster';

const WANTED_MULTIPLIER: Record<TextSize, number> = {
  small: 1,
  normal: 1,
  large: 2,
  xlarge: 3,
  huge: 5,
};

/**
 * Encodes a layout with the printer's own fonts: `codepage` maps Vietnamese letters to the
 * configured table, `ascii` strips diacritics. Pure; images (logo) are left out.
 */
export function encodeTextMode(layout: TicketLayout, options: EscPosOptions): Uint8Array {
  const columns = options.columns ?? Math.floor(options.width / 12);
  // Control characters in a name (C0, DEL) would be commands to the printer: drop them.
  const toBytes = (text: string): Uint8Array => {
    const s = [...text].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
    return options.mode === 'ascii'
      ? Buffer.from(toAscii(s), 'ascii')
      : encodeVietnamese(s, options.charset);
  };
  const chunks: Uint8Array[] = [cmd.initialize()];
  if (options.mode === 'codepage') chunks.push(cmd.selectCodeTable(options.codeTable));
  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text': {
        const longest = Math.max(...block.text.split(/\s+/).map((w) => w.length), 1);
        const fit = Math.max(1, Math.floor(columns / longest));
        const mult = Math.min(WANTED_MULTIPLIER[block.size], fit, 8);
        const lines = wrapText(block.text, Math.floor(columns / mult), (s) => [...s].length);
        chunks.push(cmd.align(block.align), cmd.bold(block.bold), cmd.charSize(mult, mult));
        for (const line of lines) chunks.push(toBytes(line), Uint8Array.of(0x0a));
        chunks.push(cmd.charSize(1, 1), cmd.bold(false));
        break;
      }
      case 'rule':
        chunks.push(cmd.align('left'), Buffer.from('-'.repeat(columns) + '\n', 'ascii'));
        break;
      case 'space':
        chunks.push(...cmd.feedDots(block.height));
        break;
      case 'qr':
        if (options.qr === 'native') {
          const size = nativeQrModuleSize(
            block.data,
            options.width,
            block.scale,
            options.qrErrorLevel,
          );
          chunks.push(
            cmd.align('center'),
            cmd.qrCode(block.data, size, options.qrErrorLevel),
            Uint8Array.of(0x0a),
          );
        } else {
          const bitmap = qrBitmap(block.data, options.width, block.scale, options.qrErrorLevel);
          chunks.push(encodeRaster(bitmap, options.raster));
        }
        break;
      case 'image':
        break;
    }
  }
  chunks.push(cmd.align('left'), cmd.feedLines(options.feedLines), cmd.cut(options.cut));
  return cmd.concatBytes(chunks);
}
