import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { buildTicketLayout } from '../../../../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../../printers/layout/sample';
import { bitmapFromRgba } from '../../../../printers/render/bitmap';
import { renderPng } from '../../../../printers/render/png';
import { renderRaster } from '../../../../printers/render/raster-render';
import { diffDots } from '../../../support/printers/escpos-decoder';

describe('renderPng()', () => {
  test('previews exactly the dots a raster printer of that width prints, QR included', () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);

    const png = PNG.sync.read(renderPng(layout, { width: 384 }));

    expect(png.width).toBe(384);
    expect(
      diffDots(
        bitmapFromRgba(png.data, png.width, png.height),
        renderRaster(layout, { width: 384 }),
      ),
    ).toBe(0);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(
      SAMPLE_TICKET.trackingUrl,
    );
  });

  test('rejects a width no printer has', () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);

    expect(() => renderPng(layout, { width: 10 })).toThrow(RangeError);
  });
});
