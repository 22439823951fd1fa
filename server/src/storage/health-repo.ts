import type { Database } from './database';

/** The health check's own row: writing it proves a commit still reaches the disk. */
export class HealthRepo {
  constructor(private readonly db: Database) {}

  /** Commits one tiny write; throws StorageUnavailableError when the disk refuses it. */
  probeWrite(at: number): void {
    this.db.transaction(() => {
      this.db.run(
        `INSERT INTO health_probe (id, at) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
        [at],
      );
    });
  }
}
