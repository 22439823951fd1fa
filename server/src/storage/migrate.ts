import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database';

/** One numbered forward-only migration file, e.g. `001_initial.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The folder the built-in migrations live in (copied beside the compiled code). */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

const FILE_PATTERN = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Reads and checks migration files: numbered 1, 2, 3… with no gap or duplicate. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name not of the form 001_name.sql: ${file}`);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: fs.readFileSync(path.join(dir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      const twin = migrations.filter((m) => m.version === migration.version);
      throw new Error(
        twin.length > 1
          ? `Duplicate migration number ${migration.version}`
          : `Migration ${migration.version} is out of order: expected ${index + 1}`,
      );
    }
  });
  return migrations;
}

/**
 * Applies the migrations the database has not seen, each in its own transaction,
 * recording them in `schema_migrations`. Refuses a database that recorded
 * migrations this code does not have, or that were renamed since.
 */
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.all<{ version: number; name: string }>(
    'SELECT version, name FROM schema_migrations ORDER BY version',
  );
  applied.forEach((row, index) => {
    const known = migrations[index];
    if (!known || known.version !== row.version || known.name !== row.name) {
      throw new Error(
        `Database has migration ${row.version}_${row.name}, which this version of Luot does not know`,
      );
    }
  });
  const pending = migrations.slice(applied.length);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
  return pending.map((m) => m.version);
}
