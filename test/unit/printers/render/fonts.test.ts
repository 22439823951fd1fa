import { readFileSync } from 'node:fs';
import { coversVietnamese, defaultFontFiles, loadFonts } from '../../../../printers/render/fonts';
import { isPrinterError } from '../../../../printers/errors';

describe('loadFonts()', () => {
  test('fails with font_missing when a font file does not exist', () => {
    const files = { ...defaultFontFiles(), regular: '/nonexistent/DejaVuSans.ttf' };

    let caught: unknown;
    try {
      loadFonts(files);
    } catch (err) {
      caught = err;
    }

    expect(isPrinterError(caught, 'font_missing')).toBe(true);
  });

  test('refuses a font without Vietnamese letters such as DejaVu Sans Mono', () => {
    const mono = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');

    expect(coversVietnamese(readFileSync(mono))).toBe(false);
    expect(() => loadFonts({ regular: mono, bold: mono })).toThrow(/Vietnamese/);
  });

  test('accepts the default DejaVu Sans pair', () => {
    const fonts = loadFonts();

    expect(fonts.regular.length).toBeGreaterThan(100_000);
    expect(coversVietnamese(fonts.bold)).toBe(true);
  });
});
