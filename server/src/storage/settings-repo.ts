import type { Database } from './database';

/** One stored setting as it is on disk: its key and its JSON text, not yet trusted. */
export interface StoredSetting {
  key: string;
  json: string;
}

/** Key/value settings stored as JSON. */
export class SettingsRepo {
  constructor(private readonly db: Database) {}

  /** Every stored row, unparsed: one bad row must not hide the others. */
  rows(): StoredSetting[] {
    return this.db.all<StoredSetting>('SELECT key, value AS json FROM settings ORDER BY key');
  }

  set(key: string, value: unknown): void {
    this.db.run(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, JSON.stringify(value)],
    );
  }
}
