import type { Database } from './database';

/** The centre's logo for screen headers. */
export interface LogoRecord {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  sha256: string;
  updatedAt: number;
}

interface LogoRow {
  content_type: LogoRecord['contentType'];
  bytes: Buffer;
  sha256: string;
  updated_at: number;
}

/** The one-row `centre_logo` table. */
export class LogoRepo {
  constructor(private readonly db: Database) {}

  get(): LogoRecord | undefined {
    const row = this.db.get<LogoRow>('SELECT * FROM centre_logo WHERE id = 1');
    return (
      row && {
        contentType: row.content_type,
        bytes: row.bytes,
        sha256: row.sha256,
        updatedAt: row.updated_at,
      }
    );
  }

  /** The logo's hash alone (no bytes read), or null when none is stored. */
  sha256(): string | null {
    return (
      this.db.get<{ sha256: string }>('SELECT sha256 FROM centre_logo WHERE id = 1')?.sha256 ?? null
    );
  }

  put(logo: LogoRecord): void {
    this.db.run(
      `INSERT INTO centre_logo (id, content_type, bytes, sha256, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET content_type = excluded.content_type,
         bytes = excluded.bytes, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
      [logo.contentType, logo.bytes, logo.sha256, logo.updatedAt],
    );
  }

  /** False when there was none. */
  delete(): boolean {
    return this.db.run('DELETE FROM centre_logo WHERE id = 1').changes > 0;
  }
}
