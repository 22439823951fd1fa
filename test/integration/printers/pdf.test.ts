import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import {
  buildTicketLayout,
  type CentrePrintSettings,
  type TextBlock,
} from '../../../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../printers/layout/sample';
import { renderPdf } from '../../../printers/render/pdf';
import { readPdf } from '../../support/pdf-read';

/** A logo of `width`×`height` pixels: a red square with a transparent corner, as PNG or JPEG. */
function logo(width: number, height: number, type: 'image/png' | 'image/jpeg'): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c62828';
  ctx.fillRect(0, 0, width, height);
  ctx.clearRect(0, 0, width / 4, height / 4);
  return new Uint8Array(
    type === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg'),
  );
}

/** The page's height in points, from its MediaBox. */
function pageHeight(pdf: Buffer): number {
  const box = /MediaBox \[0 0 [\d.]+ ([\d.]+)\]/.exec(pdf.toString('latin1'));
  return Number(box?.[1]);
}

const WITH_ADDRESS: CentrePrintSettings = {
  ...SAMPLE_CENTRE,
  centreAddress: '12 Lê Lợi, phường Bến Nghé, TP. Hồ Chí Minh',
};

describe('renderPdf()', () => {
  test('pdftotext reads back every Vietnamese line of the ticket', async () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);
    const dir = await mkdtemp(join(tmpdir(), 'luot-pdf-'));
    try {
      const file = join(dir, 'ticket.pdf');
      await writeFile(file, await renderPdf(layout));

      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

      const extracted = text
        .split('\n')
        .map((l) => l.trim().normalize('NFC'))
        .filter((l) => l !== '');
      const expected = layout.blocks
        .filter((b): b is TextBlock => b.kind === 'text')
        .map((b) => b.text);
      expect(extracted).toEqual(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each(['image/png', 'image/jpeg'] as const)(
    'draws a %s logo at the top, above the address, and the text still reads back',
    async (type) => {
      // Arrange
      const plain = buildTicketLayout(SAMPLE_TICKET, WITH_ADDRESS);
      const layout = buildTicketLayout(SAMPLE_TICKET, {
        ...WITH_ADDRESS,
        logoPng: logo(400, 200, type),
      });

      // Act
      const withLogo = await renderPdf(layout);
      const without = await renderPdf(plain);

      // Assert: one image (re-encoded as JPEG), none without a logo; the same text.
      const read = await readPdf(withLogo);
      expect(read.images).toHaveLength(1);
      // 90.7 pt wide (40 % of 80 mm) at 300 dpi: 378 × 189 pixels, RGB, JPEG.
      expect(read.images[0]?.slice(2, 9)).toEqual(['image', '378', '189', 'rgb', '3', '8', 'jpeg']);
      expect((await readPdf(without)).images).toEqual([]);
      const expected = layout.blocks
        .filter((b): b is TextBlock => b.kind === 'text')
        .map((b) => b.text);
      expect(read.lines).toEqual(expected);
      expect(read.lines[1]).toBe(WITH_ADDRESS.centreAddress);
      // 40 % of the 80 mm paper wide (90.7 pt), half as tall, plus its margins.
      const grown = pageHeight(withLogo) - pageHeight(without);
      expect(grown).toBeGreaterThan(45);
      expect(grown).toBeLessThan(52);
    },
  );

  test('keeps ọ and ẹ extractable after a ticket whose ộ and ệ are drawn from them', async () => {
    // DejaVu draws ộ from ọ: once a PDF of the process used ộ alone, a later ọ lost its text.
    const text = async (address: string): Promise<string> => {
      const layout = buildTicketLayout(SAMPLE_TICKET, { ...SAMPLE_CENTRE, centreAddress: address });
      const dir = await mkdtemp(join(tmpdir(), 'luot-pdf-'));
      try {
        const file = join(dir, 'ticket.pdf');
        await writeFile(file, await renderPdf(layout));
        return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };
    await text('Tổ dân phố Một, phường Hiệp Bình, Cộng hoà, Ệ');
    expect((await text('Xóm Học, Ọ, Ẹ, ngõ Hẹp')).normalize('NFC')).toContain(
      'Xóm Học, Ọ, Ẹ, ngõ Hẹp',
    );
  });

  test('keeps a small logo at its printed size and leaves out one it cannot decode', async () => {
    const small = await renderPdf(
      buildTicketLayout(SAMPLE_TICKET, { ...SAMPLE_CENTRE, logoPng: logo(40, 40, 'image/png') }),
    );
    const broken = await renderPdf(
      buildTicketLayout(SAMPLE_TICKET, {
        ...SAMPLE_CENTRE,
        logoPng: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      }),
    );
    const plain = await renderPdf(buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE));

    // 40 dots at 203 dpi is 14.2 pt, not stretched to 40 % of the paper.
    // (The page height is rounded up to a whole point.)
    const grown = pageHeight(small) - pageHeight(plain);
    expect(Math.abs(grown - ((40 + 12) * 72) / 203)).toBeLessThanOrEqual(1);
    expect((await readPdf(small)).images).toHaveLength(1);
    expect((await readPdf(broken)).images).toEqual([]);
    expect(pageHeight(broken)).toBe(pageHeight(plain));
  });

  test('makes a 58 mm page as well', async () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);

    const pdf = await renderPdf(layout, { widthMm: 58 });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 164\.4/);
  });
});
