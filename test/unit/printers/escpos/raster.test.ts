import { encodeRaster } from '../../../../printers/escpos/raster';
import { createBitmap, setDot } from '../../../../printers/render/bitmap';
import { decodeEscPos, diffDots } from '../../../support/printers/escpos-decoder';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const options = { bandHeight: 2, minBlankRun: 3, motionUnitsPerDot: 1 };

describe('encodeRaster()', () => {
  test('sends inked rows as GS v 0 bands no taller than the band height', () => {
    const bitmap = createBitmap(16, 3);
    setDot(bitmap, 0, 0);
    setDot(bitmap, 15, 1);
    setDot(bitmap, 8, 2);

    const bytes = encodeRaster(bitmap, options);

    expect(hex(bytes)).toBe('1d76300002000200' + '80000001' + '1d76300002000100' + '0080');
  });

  test('replaces a long blank run with a paper feed and keeps short ones as rows', () => {
    const bitmap = createBitmap(8, 9);
    setDot(bitmap, 7, 0);
    setDot(bitmap, 7, 5);

    const bytes = encodeRaster(bitmap, { ...options, bandHeight: 8 });

    expect(hex(bytes)).toBe(
      '1d76300001000100' + '01' + '1b4a04' + '1d76300001000100' + '01' + '1b4a03',
    );
  });

  test('decodes back to the same dots', () => {
    const bitmap = createBitmap(24, 40);
    for (let i = 0; i < 24; i++) setDot(bitmap, i, i + 10);

    const decoded = decodeEscPos(encodeRaster(bitmap, { ...options, bandHeight: 5 }), 24);

    expect(diffDots(decoded.image, bitmap)).toBe(0);
  });
});
