import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** What `npm run build:ui` writes (`npm test` builds it first). */
const UI_DIR = path.join(__dirname, '../../dist/ui');

/** The most JavaScript, gzip-compressed, that a screen loads before it shows anything. */
const BUDGET_BYTES = 100_000;

/**
 * Each screen's page and its budget. The counter is 1.7 kB over: what is left to cut is
 * the contract's messages, which every screen loads in both languages, all areas, until
 * the contract splits them (issue 9, item 7).
 */
const SCREENS: [name: string, page: string, budget: number][] = [
  ['kiosk', 'kiosk-ui/index.html', BUDGET_BYTES],
  ['display', 'display-ui/index.html', BUDGET_BYTES],
  ['counter', 'counter-ui/index.html', 102_000],
  ['tracking page', 'display-ui/track.html', BUDGET_BYTES],
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
    (_name, page, budget) => {
      const total = chunksOf(page, false).reduce((sum, chunk) => sum + gzipSize(chunk), 0);

      expect(total).toBeLessThanOrEqual(budget);
    },
  );

  test.each(SCREENS)('the %s never loads zod, not even later', (_name, page) => {
    const withZod = chunksOf(page, true).filter((chunk) => {
      const code = read(chunk).toString();
      return ZOD_MARKERS.some((marker) => code.includes(marker));
    });

    expect(withZod).toEqual([]);
  });

  test('finds the chunks a page loads later, so that the zod check sees them', () => {
    const kiosk = chunksOf('kiosk-ui/index.html', true);

    expect(kiosk.length).toBeGreaterThan(chunksOf('kiosk-ui/index.html', false).length);
  });
});
