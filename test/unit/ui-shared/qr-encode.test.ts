import jsQR from 'jsqr';
import { encodeQr } from '../../../ui-shared/src/qr-encode';
import { QR_QUIET_ZONE, type QrMatrix } from '../../../ui-shared/src/qr-matrix';

/** Paints a matrix into RGBA pixels, `scale` pixels a module, with the quiet zone. */
function toPixels(qr: QrMatrix, scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = (qr.size + 2 * QR_QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - QR_QUIET_ZONE;
      const col = Math.floor(x / scale) - QR_QUIET_ZONE;
      if (row >= 0 && col >= 0 && row < qr.size && col < qr.size && qr.isDark(row, col)) {
        data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
    }
  }
  return { data, width };
}

describe('encodeQr()', () => {
  test('encodes a tracking URL that a QR reader decodes back exactly', () => {
    const url = 'http://192.168.1.10:8080/t/Zk3vQ9_xYw-2mB7cLp0aRg';

    const qr = encodeQr(url);

    expect(qr).not.toBeNull();
    const { data, width } = toPixels(qr as QrMatrix);
    expect(jsQR(data, width, width)?.data).toBe(url);
  });

  test('gives null for text too long for any QR code, so the kiosk shows the link as text', () => {
    expect(encodeQr('x'.repeat(8000))).toBeNull();
  });
});
