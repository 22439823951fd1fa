import QRCode from 'qrcode';
import type { QrErrorLevel } from '../escpos/commands';
import { createBitmap, setDot, type Bitmap } from './bitmap';

/**
 * A QR code as a `width`-dot-wide bitmap, centred, about `share` of the width, with a
 * quiet zone above and below. Pure: no canvas, so text modes can use it as the fallback.
 */
export function qrBitmap(data: string, width: number, share: number, level: QrErrorLevel): Bitmap {
  const qr = QRCode.create(data, { errorCorrectionLevel: level });
  const n = qr.modules.size;
  const module = Math.max(2, Math.floor((width * share) / n));
  const quiet = 2 * module;
  const left = Math.floor((width - n * module) / 2);
  const bitmap = createBitmap(width, n * module + 2 * quiet);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < module; dy++) {
        for (let dx = 0; dx < module; dx++)
          setDot(bitmap, left + x * module + dx, quiet + y * module + dy);
      }
    }
  }
  return bitmap;
}

/** The module size (1..16 dots) a printer-drawn QR code needs to be about `share` of `width`. */
export function nativeQrModuleSize(
  data: string,
  width: number,
  share: number,
  level: QrErrorLevel,
): number {
  const n = QRCode.create(data, { errorCorrectionLevel: level }).modules.size;
  return Math.max(1, Math.min(16, Math.floor((width * share) / n)));
}
