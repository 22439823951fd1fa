import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedHistory } from '../scripts/history/seed';
import { openDatabase } from '../server/src/storage/database';
import { migrate } from '../server/src/storage/migrate';

/**
 * Seeded histories for the benchmarks, ≈300,000 tickets a year as the issue sizes a centre
 * (`--per-day 1100`), cached in bench/.cache/ (git-ignored): seeded once, brought up to
 * the current migrations in place (timed: what an upgrade costs on that history), and
 * copied for each run, so the cache stays as seeded.
 */
export const CACHE = path.join(__dirname, '.cache');
export const HISTORY_END = '2026-11-30';
export const HISTORY_PER_DAY = 1100;
/**
 * What the seeder writes, bumped when it changes (2: targets and estimates at issue, each
 * transfer's first call; 3: packs of format 4): an older cache is seeded again rather than
 * migrated, so the bench measures what a centre's history holds today and its packs are
 * already built.
 */
export const HISTORY_VERSION = 3;
/** 1 December 2026, 09:00 in Hồ Chí Minh City: the day after the history. */
export const AFTER_HISTORY = Date.UTC(2026, 11, 1, 2, 0, 0);

export interface CachedHistory {
  file: string;
  from: string;
  /** Seeding time when this call seeded it (ms), else null. */
  seedMs: number | null;
  /** Migrations this call applied to the cache, and how long they took. */
  migrated: { versions: number[]; ms: number };
}

/** The cached database of `years` of history, seeded (and timed) when missing. */
export async function cachedHistory(
  years: number,
  log: (line: string) => void,
): Promise<CachedHistory> {
  const dir = path.join(
    CACHE,
    `history-v${HISTORY_VERSION}-${years}y-${HISTORY_PER_DAY}-${HISTORY_END}`,
  );
  const file = path.join(dir, 'luot.db');
  const marker = path.join(dir, 'seeded.json');
  let seedMs: number | null = null;
  let from: string;
  if (fs.existsSync(marker)) {
    from = (JSON.parse(fs.readFileSync(marker, 'utf8')) as { from: string }).from;
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    const result = await seedHistory({
      databaseFile: file,
      years,
      end: HISTORY_END,
      seed: 'bench',
      perDay: HISTORY_PER_DAY,
      now: AFTER_HISTORY,
      log: (line) => log(`  ${line}`),
    });
    log(
      `seed:history --years ${years} --per-day ${HISTORY_PER_DAY}: ` +
        `${result.tickets.toLocaleString('en')} tickets in ${(result.seedMs / 1000).toFixed(1)} s, ` +
        `packs ${(result.packMs / 1000).toFixed(1)} s`,
    );
    seedMs = result.seedMs;
    from = result.from;
    fs.writeFileSync(marker, JSON.stringify({ file, from }));
  }
  const db = openDatabase(file);
  const start = performance.now();
  try {
    const versions = migrate(db);
    const ms = performance.now() - start;
    if (versions.length > 0)
      log(`  cache of ${years} y migrated (${versions.join(', ')}) in ${(ms / 1000).toFixed(1)} s`);
    // Checkpointed, so a copy of the file alone holds everything.
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    return { file, from, seedMs, migrated: { versions, ms } };
  } finally {
    db.close();
  }
}

/** A copy of the cached database in a fresh data folder, for one server. */
export function copyOf(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-bench-'));
  fs.copyFileSync(file, path.join(dir, 'luot.db'));
  return dir;
}
