import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { isStorageFailure, StorageUnavailableError } from './storage-errors';

/** How many statements failed for storage reasons, and the last one's SQLite code. */
export interface StorageFailures {
  count: number;
  lastCode: string | null;
}

/** A parameter bag or list for a prepared statement. */
export type Params = readonly unknown[] | Record<string, unknown>;

/**
 * The thin wrapper every repo uses: parameterised SQL, cached statements,
 * and transactions that commit whole or not at all.
 */
export interface Database {
  all<T>(sql: string, params?: Params): T[];
  get<T>(sql: string, params?: Params): T | undefined;
  run(sql: string, params?: Params): { changes: number; lastInsertRowid: number };
  exec(sql: string): void;
  /** Runs fn in one IMMEDIATE transaction; nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** The file path, or ':memory:'. */
  readonly file: string;
  /** Counted by every statement that fails with a storage error; the health check reads it. */
  readonly storageFailures: Readonly<StorageFailures>;
  readonly raw: BetterSqlite3.Database;
  close(): void;
}

/** Opens (creating if needed) the SQLite file with the pragmas Luot relies on. */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  assertPragmas(raw, file);

  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = raw.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bind = (params: Params | undefined): unknown[] =>
    params === undefined ? [] : Array.isArray(params) ? [...params] : [params];
  const storageFailures: StorageFailures = { count: 0, lastCode: null };
  // A full, read-only or failing disk becomes one typed refusal here, at the only door to
  // SQLite, so every caller (HTTP, sockets, timers) answers it the same way.
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      storageFailures.count += 1;
      storageFailures.lastCode = error.code;
      throw new StorageUnavailableError(error);
    }
  };

  return {
    file,
    raw,
    storageFailures,
    all: <T>(sql: string, params?: Params) => guard(() => prepare(sql).all(...bind(params)) as T[]),
    get: <T>(sql: string, params?: Params) =>
      guard(() => prepare(sql).get(...bind(params)) as T | undefined),
    run: (sql, params) =>
      guard(() => {
        const result = prepare(sql).run(...bind(params));
        return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
      }),
    exec: (sql) => guard(() => raw.exec(sql)),
    transaction: <T>(fn: () => T): T => {
      if (raw.inTransaction) return fn();
      // BEGIN and COMMIT can fail on the disk too (COMMIT is where the WAL grows).
      return guard(() => raw.transaction(fn).immediate());
    },
    close: () => {
      statements.clear();
      raw.close();
    },
  };
}

/** Refuses to run on a connection whose durability settings did not take. */
function assertPragmas(raw: BetterSqlite3.Database, file: string): void {
  const synchronous = raw.pragma('synchronous', { simple: true });
  if (synchronous !== 2) {
    throw new Error(`SQLite synchronous is ${String(synchronous)}, expected FULL (2)`);
  }
  const journal = raw.pragma('journal_mode', { simple: true });
  if (file !== ':memory:' && journal !== 'wal') {
    throw new Error(`SQLite journal_mode is ${String(journal)}, expected wal`);
  }
  if (raw.pragma('foreign_keys', { simple: true }) !== 1) {
    throw new Error('SQLite foreign_keys could not be enabled');
  }
}
