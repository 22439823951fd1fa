import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What poppler reads back from a PDF. */
export interface PdfReadBack {
  /** Its text, line by line, trimmed and NFC, blank lines left out (`pdftotext`). */
  lines: string[];
  /**
   * Its images, one row of `pdfimages -list` each, split on blanks: page, num, type, width,
   * height, color, comp, bpc, enc, …
   */
  images: string[][];
}

/** Reads a PDF's text and images with poppler-utils, as a reader's software would. */
export async function readPdf(pdf: Uint8Array): Promise<PdfReadBack> {
  const dir = await mkdtemp(join(tmpdir(), 'luot-pdf-'));
  try {
    const file = join(dir, 'read.pdf');
    await writeFile(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    return {
      lines: text
        .split('\n')
        .map((l) => l.trim().normalize('NFC'))
        .filter((l) => l !== ''),
      // Two header lines, then one row per image.
      images: list
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .map((l) => l.trim().split(/\s+/)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
