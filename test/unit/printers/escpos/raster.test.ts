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

describe('real-time commands inside picture data', () => {
  /** Positions of `DLE EOT`, `DLE ENQ` and `DLE DC4` in a byte string. */
  const realTimeAt = (bytes: Uint8Array): number[] =>
    [...bytes.keys()].filter(
      (i) => bytes[i] === 0x10 && [0x04, 0x05, 0x14].includes(bytes[i + 1] ?? -1),
    );

  test.each([
    ['DLE EOT', 0x04],
    ['DLE ENQ', 0x05],
    ['DLE DC4', 0x14],
  ])('a row that spells %s gets one more dot and no longer does', (_name, second) => {
    // Arrange: one row whose bytes are 0x10, then the command's second byte.
    const bitmap = createBitmap(16, 1);
    bitmap.data.set([0x10, second]);

    // Act
    const bytes = encodeRaster(bitmap, options);
    const decoded = decodeEscPos(bytes, 16);

    // Assert
    expect(realTimeAt(bytes)).toEqual([]);
    expect(hex(bytes)).toBe('1d76300002000100' + '18' + second.toString(16).padStart(2, '0'));
    expect(diffDots(decoded.image, bitmap)).toBe(1);
  });

  test('leaves harmless data alone, and the source bitmap untouched', () => {
    // Arrange: 0x10 before other bytes, and a command split by a row end is still one.
    const bitmap = createBitmap(16, 2);
    bitmap.data.set([0x10, 0x06, 0x04, 0x10]);

    // Act
    const guarded = encodeRaster(bitmap, options);
    const raw = encodeRaster(bitmap, { ...options, guardRealTime: false });

    // Assert
    expect(hex(guarded)).toBe(hex(raw));
    expect(hex(bitmap.data)).toBe('10060410');
  });

  test('random pictures never carry a real-time command and differ by at most the guarded dots', () => {
    // Arrange: dense random rows make every pair of bytes likely.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff;
    const bitmap = createBitmap(64, 200);
    for (let i = 0; i < bitmap.data.length; i++) {
      const r = random();
      bitmap.data[i] = r < 64 ? 0x10 : r < 128 ? [0x04, 0x05, 0x14][r % 3]! : r;
    }
    // Pairs split by a band boundary have a band header between them: no command there.
    const bandBytes = 64 * bitmap.bytesPerRow;
    const before = realTimeAt(bitmap.data).filter((i) => (i + 1) % bandBytes !== 0).length;

    // Act
    const bytes = encodeRaster(bitmap, { ...options, bandHeight: 64 });
    const decoded = decodeEscPos(bytes, 64);

    // Assert
    expect(before).toBeGreaterThan(100);
    expect(realTimeAt(bytes)).toEqual([]);
    expect(diffDots(decoded.image, bitmap)).toBe(before);
  });
});
