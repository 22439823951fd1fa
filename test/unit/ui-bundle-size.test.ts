import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** What `npm run build:ui` writes (`npm test` builds it first). */
const UI_DIR = path.join(__dirname, '../../dist/ui');

/** The most JavaScript, gzip-compressed, that a screen loads before it shows anything. */
const BUDGET_BYTES = 100_000;

/**
 * Each screen's page. English loads when a user switches to it (the kiosk fetches it right
 * after the start), so no screen pays for it before it shows anything.
 */
const SCREENS: [name: string, page: string][] = [
  ['kiosk', 'kiosk-ui/index.html'],
  ['display', 'display-ui/index.html'],
  ['counter', 'counter-ui/index.html'],
  ['tracking page', 'display-ui/track.html'],
  ['counter screen', 'display-ui/counter-screen.html'],
  ['admin app', 'admin-ui/index.html'],
];

/** Left in the bundle by any zod schema (zod 4 keeps its internals under `_zod`). */
const ZOD_MARKERS = ['_zod', 'ZodError'];

const read = (file: string) => fs.readFileSync(path.join(UI_DIR, file));

/** The module script a page starts from, as a path under dist/ui. */
function entryOf(page: string): string {
  const match = /<script type="module"[^>]*\ssrc="\/([^"]+\.js)"/.exec(read(page).toString());
  if (!match?.[1]) throw new Error(`${page} has no module script`);
  return match[1];
}

/** The chunks a chunk imports next to it: static (`from"./x.js"`) or dynamic (`import("./x.js")`). */
function importsOf(chunk: string): { static: string[]; dynamic: string[] } {
  const code = read(chunk).toString();
  const dir = path.posix.dirname(chunk);
  const found = (pattern: RegExp) =>
    [...code.matchAll(pattern)].map((m) => path.posix.join(dir, m[1] as string));
  return {
    static: found(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
    dynamic: found(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}

/** The entry and every chunk it reaches; with `dynamic`, also those it loads later. */
function chunksOf(page: string, dynamic: boolean): string[] {
  const seen = new Set<string>();
  const visit = (chunk: string) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    const next = importsOf(chunk);
    [...next.static, ...(dynamic ? next.dynamic : [])].forEach(visit);
  };
  visit(entryOf(page));
  return [...seen];
}

const gzipSize = (chunk: string) => zlib.gzipSync(read(chunk)).length;

describe('the built screens (dist/ui)', () => {
  beforeAll(() => {
    if (!fs.existsSync(UI_DIR)) throw new Error(`No ${UI_DIR}: run npm run build:ui first`);
  });

  test.each(SCREENS)(
    'the %s loads no more gzip JavaScript than its budget before it shows anything',
    (_name, page) => {
      const total = chunksOf(page, false).reduce((sum, chunk) => sum + gzipSize(chunk), 0);

      expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    },
  );

  test.each(SCREENS)('the %s never loads zod, not even later', (_name, page) => {
    const withZod = chunksOf(page, true).filter((chunk) => {
      const code = read(chunk).toString();
      return ZOD_MARKERS.some((marker) => code.includes(marker));
    });

    expect(withZod).toEqual([]);
  });

  test('leaves English out of what every screen loads first, and loads it later', () => {
    const english = (chunk: string) =>
      read(chunk).toString().includes('The printer is out of paper');

    for (const [, page] of SCREENS) {
      expect(chunksOf(page, false).filter(english)).toEqual([]);
      expect(chunksOf(page, true).filter(english)).toHaveLength(1);
    }
  });

  test('the admin app loads Chart.js with the reports page, never first', () => {
    // Chart.js's own message for a canvas it cannot draw on: in its core, whatever is registered.
    const chartJs = (chunk: string) =>
      read(chunk).toString().includes("can't acquire context from the given item");

    expect(chunksOf('admin-ui/index.html', false).filter(chartJs)).toEqual([]);
    expect(chunksOf('admin-ui/index.html', true).filter(chartJs)).toHaveLength(1);
  });

  test('finds the chunks a page loads later, so that the zod check sees them', () => {
    const kiosk = chunksOf('kiosk-ui/index.html', true);

    expect(kiosk.length).toBeGreaterThan(chunksOf('kiosk-ui/index.html', false).length);
  });
});
