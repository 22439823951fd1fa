import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { encodeTicket } from '../../../../printers/escpos/encode-ticket';
import { DEFAULT_RASTER_OPTIONS } from '../../../../printers/escpos/raster';
import { renderRaster } from '../../../../printers/render/raster-render';
import { bitmapFromRgba, bitmapToRgba } from '../../../../printers/render/bitmap';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../../printers/layout/sample';
import { buildTicketLayout } from '../../../../printers/layout/ticket-layout';
import { encodeVietnamese } from '../../../../printers/escpos/codepage';
import { decodeEscPos, diffDots } from '../../../support/printers/escpos-decoder';
import { GOLDEN_BYTES, GOLDEN_IMAGES, goldenBytes, sampleLayout } from '../golden/cases';

const golden = (name: string): Buffer => readFileSync(join(__dirname, '..', 'golden', name));

describe('encodeTicket()', () => {
  test.each(Object.entries(GOLDEN_BYTES))('writes the golden bytes of %s', (name, options) => {
    expect(Buffer.from(goldenBytes(options)).equals(golden(name))).toBe(true);
  });

  test.each(Object.entries(GOLDEN_IMAGES))('prints the image of %s', (name, options) => {
    const width = options.width ?? 576;
    const png = PNG.sync.read(golden(name));
    const expected = bitmapFromRgba(png.data, png.width, png.height);
    const unguarded = { ...options, raster: { ...DEFAULT_RASTER_OPTIONS, guardRealTime: false } };

    const decoded = decodeEscPos(encodeTicket(sampleLayout, options), width);
    const exact = decodeEscPos(encodeTicket(sampleLayout, unguarded), width);

    expect(diffDots(exact.image, expected)).toBe(0);
    // Guarding against real-time commands adds at most an isolated dot here and there.
    expect(diffDots(decoded.image, expected)).toBeLessThanOrEqual(3);
  });

  test('raster with an image QR prints exactly the bitmap the renderer drew', () => {
    const bitmap = renderRaster(sampleLayout, { width: 576 });

    const decoded = decodeEscPos(
      encodeTicket(sampleLayout, { qr: 'image', feedLines: 0, cut: 'none' }),
      576,
    );

    expect(diffDots(decoded.image, bitmap)).toBe(0);
  });

  test.each([
    ['raster', 'native', 576],
    ['raster', 'image', 384],
    ['codepage', 'native', 576],
    ['ascii', 'image', 384],
  ] as const)(
    'the QR of a %s job with a %s QR at %d dots reads back as the tracking URL',
    (mode, qr, width) => {
      const decoded = decodeEscPos(encodeTicket(sampleLayout, { mode, qr, width }), width);

      const found = jsQR(bitmapToRgba(decoded.image), decoded.image.width, decoded.image.height);

      expect(found?.data).toBe(SAMPLE_TICKET.trackingUrl);
    },
  );

  test('starts with ESC @, selects the configured code table and ends with feed and cut', () => {
    const bytes = encodeTicket(sampleLayout, { mode: 'codepage', codeTable: 94 });

    const { commands } = decodeEscPos(bytes, 576);

    expect(commands[0]).toEqual({ op: 'init' });
    expect(commands[1]).toEqual({ op: 'code-table', n: 94 });
    expect(commands.slice(-2)).toEqual([
      { op: 'feed-lines', n: 4 },
      { op: 'cut', mode: 0x42 },
    ]);
  });

  test('ascii mode prints every line without diacritics', () => {
    const { lines } = decodeEscPos(encodeTicket(sampleLayout, { mode: 'ascii' }), 576);

    const text = lines.map((l) => Buffer.from(l).toString('latin1'));
    expect(text).toContain('SO THU TU');
    expect(text).toContain('Dang ky kinh doanh');
    expect(text).toContain('Uu tien: Nguoi cao tuoi');
  });

  test.each(['ascii', 'codepage'] as const)(
    'a control character in a name never reaches a %s printer as a command',
    (mode) => {
      const layout = buildTicketLayout(
        { ...SAMPLE_TICKET, serviceName: 'Đăng ký\u0010\u0004 kinh doanh\u0007' },
        SAMPLE_CENTRE,
      );

      const { lines } = decodeEscPos(encodeTicket(layout, { mode }), 576);

      expect(lines.map((l) => Buffer.from(l).toString('latin1'))).toContain(
        mode === 'ascii'
          ? 'Dang ky kinh doanh'
          : Buffer.from(encodeVietnamese('Đăng ký kinh doanh', 'tcvn3')).toString('latin1'),
      );
    },
  );

  test('the decoder rejects a byte it does not know', () => {
    expect(() => decodeEscPos(Uint8Array.of(0x1b, 0x40, 0x07), 576)).toThrow(/unknown byte 0x7/);
  });
});
