import type { Database } from './database';

/** The health check's own row: writing it proves a commit still reaches the disk. */
export class HealthRepo {
  constructor(private readonly db: Database) {}

  /**
   * Commits one tiny write; throws StorageUnavailableError when the disk refuses it.
   * Answers `busy`, at once and writing nothing, when another connection holds the write
   * lock (the report thread building a pack): the probe never waits in SQLite's busy
   * handler, which would hold the event loop — and a writer at work is no disk fault.
   */
  probeWrite(at: number): 'written' | 'busy' {
    const raw = this.db.raw;
    const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
    raw.pragma('busy_timeout = 0');
    try {
      this.db.transaction(() => {
        this.db.run(
          `INSERT INTO health_probe (id, at) VALUES (1, ?)
           ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
          [at],
        );
      });
      return 'written';
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return 'busy';
      throw error;
    } finally {
      raw.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /**
   * False when the database file has reached its page limit with no free page left: the
   * probe's row is rewritten in place, so it still commits while a write that needs a new
   * page fails with SQLITE_FULL.
   */
  canGrow(): boolean {
    const row = this.db.get<{ full: number }>(
      `SELECT page_count >= max_page_count AND freelist_count = 0 AS full
         FROM pragma_page_count(), pragma_max_page_count(), pragma_freelist_count()`,
    );
    return row?.full !== 1;
  }
}
