import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTicketLayout, type TextBlock } from '../../../printers/layout/ticket-layout';
import { SAMPLE_CENTRE, SAMPLE_TICKET } from '../../../printers/layout/sample';
import { renderPdf } from '../../../printers/render/pdf';

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

  test('makes a 58 mm page as well', async () => {
    const layout = buildTicketLayout(SAMPLE_TICKET, SAMPLE_CENTRE);

    const pdf = await renderPdf(layout, { widthMm: 58 });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 164\.4/);
  });
});
