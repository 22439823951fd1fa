import type { TicketLayout } from '../layout/ticket-layout';
import { renderRasterSegments } from '../render/raster-render';
import type { FontFiles } from '../render/fonts';
import * as cmd from './commands';
import { escPosOptions, type EscPosOptions } from './options';
import { encodeRaster } from './raster';
import { encodeTextMode } from './text-mode';

/**
 * The complete ESC/POS job for one ticket on one printer: reset, body (raster picture or
 * text), feed and cut. Raster mode draws with the registered Vietnamese font.
 */
export function encodeTicket(
  layout: TicketLayout,
  options: Partial<EscPosOptions> = {},
  fonts?: FontFiles,
): Uint8Array {
  const opts = escPosOptions(options);
  if (opts.mode !== 'raster') return encodeTextMode(layout, opts);
  const segments = renderRasterSegments(layout, {
    width: opts.width,
    nativeQr: opts.qr === 'native',
    qrErrorLevel: opts.qrErrorLevel,
    ...(fonts ? { fonts } : {}),
  });
  const chunks: Uint8Array[] = [cmd.initialize()];
  for (const segment of segments) {
    if (segment.kind === 'bitmap') chunks.push(encodeRaster(segment.bitmap, opts.raster));
    else {
      chunks.push(
        cmd.align('center'),
        cmd.qrCode(segment.data, segment.moduleSize, segment.level),
        Uint8Array.of(0x0a),
        cmd.align('left'),
      );
    }
  }
  chunks.push(cmd.feedLines(opts.feedLines), cmd.cut(opts.cut));
  return cmd.concatBytes(chunks);
}
