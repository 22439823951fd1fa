import { create } from 'qrcode';
import type { QrMatrix } from './qr-matrix';

/**
 * Encodes text as a QR code (error correction M), or null when the text is too
 * long for any QR version, in which case callers show the link as text.
 */
export function encodeQr(text: string): QrMatrix | null {
  try {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, isDark: (row, col) => Boolean(modules.get(row, col)) };
  } catch {
    return null;
  }
}
