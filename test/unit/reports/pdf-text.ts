import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PDFTOTEXT = '/usr/bin/pdftotext';

function havePdftotext(): boolean {
  try {
    execFileSync(PDFTOTEXT, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A describe block that reads PDFs back with poppler's `pdftotext`. Without it the tests
 * are registered as skipped (Jest counts them as skipped, never passed) with a warning;
 * in CI (`CI` set) a missing pdftotext fails them instead.
 */
export function describeWithPdftotext(title: string, body: () => void): void {
  const skip = !havePdftotext() && !process.env.CI;
  if (skip) {
    console.warn(
      `\n*** PDF TEXT TESTS SKIPPED: no ${PDFTOTEXT}. ` +
        'Install it (apt-get install poppler-utils); in CI this fails. ***\n',
    );
  }
  (skip ? describe.skip : describe)(title, body);
}

/** Each page's text in content order (`-raw`), whitespace runs folded to one space. */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'luot-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return text
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' ').trim())
      .filter((page) => page !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in content order (`-raw`), whitespace runs folded to one space. */
export const pdfText = (pdf: Buffer): string => pdfPages(pdf).join(' ');
