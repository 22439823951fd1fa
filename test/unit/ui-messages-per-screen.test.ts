import fs from 'node:fs';
import path from 'node:path';
import { vi } from '../../server/src/contract/messages-vi';
import { viAdmin } from '../../server/src/contract/messages-vi/admin';
import { viAdminReports } from '../../server/src/contract/messages-vi/admin-reports';
import { viCommon } from '../../server/src/contract/messages-vi/common';
import { viCounter } from '../../server/src/contract/messages-vi/counter';
import { viCounterScreen } from '../../server/src/contract/messages-vi/counter-screen';
import { viDisplay } from '../../server/src/contract/messages-vi/display';
import { viKiosk } from '../../server/src/contract/messages-vi/kiosk';
import { viTrack } from '../../server/src/contract/messages-vi/track';

const ROOT = path.join(__dirname, '../..');

/** Each screen's own strings module, by the name its entry imports it under. */
const TABLES: Record<string, Record<string, string>> = {
  viKiosk,
  viDisplay,
  viCounter,
  viCounterScreen,
  viTrack,
  viAdmin,
  viAdminReports,
};

/** Each screen: its entry, and the folders of its own code (others' sub-folders left out). */
const SCREENS = [
  { name: 'kiosk', main: 'kiosk-ui/src/main.tsx', dirs: ['kiosk-ui/src'], skip: [] },
  {
    name: 'display',
    main: 'display-ui/src/main.tsx',
    dirs: ['display-ui/src'],
    skip: ['display-ui/src/track', 'display-ui/src/counter-screen'],
  },
  { name: 'counter', main: 'counter-ui/src/main.tsx', dirs: ['counter-ui/src'], skip: [] },
  { name: 'admin app', main: 'admin-ui/src/main.tsx', dirs: ['admin-ui/src'], skip: [] },
  {
    name: 'counter screen',
    main: 'display-ui/src/counter-screen/main.tsx',
    dirs: ['display-ui/src/counter-screen'],
    skip: [],
  },
  {
    name: 'tracking page',
    main: 'display-ui/src/track/main.tsx',
    dirs: ['display-ui/src/track'],
    skip: [],
  },
];

const KEYS = Object.keys(vi);

function sourcesUnder(dir: string, skip: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (skip.includes(relative)) continue;
    if (entry.isDirectory()) found.push(...sourcesUnder(relative, skip));
    else if (/\.tsx?$/.test(entry.name)) found.push(relative);
  }
  return found;
}

/**
 * The message keys a file names: whole keys in quotes, and for a key built from a template
 * (`kiosk.unavailable.${reason}`) every key with that beginning.
 */
function keysUsedIn(file: string): string[] {
  const code = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const used = new Set<string>();
  for (const [, text] of code.matchAll(/['"`]([a-zA-Z]+\.[\w.]+)['"`]/g)) {
    if (text !== undefined && KEYS.includes(text)) used.add(text);
  }
  for (const [, start] of code.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g)) {
    if (start !== undefined)
      KEYS.filter((key) => key.startsWith(start)).forEach((k) => used.add(k));
  }
  return [...used];
}

/** The tables a screen's entry adds with `addVietnamese(...)`. */
function tablesAddedBy(main: string): string[] {
  const code = fs.readFileSync(path.join(ROOT, main), 'utf8');
  return [...code.matchAll(/addVietnamese\((\w+)\)/g)].map((m) => m[1] as string);
}

describe('each screen loads only its own Vietnamese strings, and all it uses', () => {
  test('shared code (ui-shared) uses only the shared strings', () => {
    const missing = sourcesUnder('ui-shared/src', [])
      .flatMap((file) => keysUsedIn(file).map((key) => ({ file, key })))
      .filter(({ key }) => !(key in viCommon));
    expect(missing).toEqual([]);
  });

  test.each(SCREENS)('the $name has every key its code uses', ({ main, dirs, skip }) => {
    const added = tablesAddedBy(main);
    expect(added.length).toBeGreaterThan(0);
    const table: Record<string, string> = { ...viCommon };
    for (const name of added) Object.assign(table, TABLES[name]);
    const missing = dirs
      .flatMap((dir) => sourcesUnder(dir, skip))
      .flatMap((file) => keysUsedIn(file).map((key) => ({ file, key })))
      .filter(({ key }) => !(key in table));
    expect(missing).toEqual([]);
  });

  test('the check sees keys: the kiosk uses some of its own', () => {
    const used = sourcesUnder('kiosk-ui/src', []).flatMap(keysUsedIn);
    expect(used.filter((key) => key in viKiosk).length).toBeGreaterThan(10);
  });
});
