import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../domain/errors';

type SqliteError = InstanceType<typeof BetterSqlite3.SqliteError>;

/**
 * SQLite result codes (with their extended forms, e.g. SQLITE_IOERR_FSYNC) that mean the
 * disk or the database file failed, not the SQL: full, read-only, unreadable, unwritable,
 * missing or damaged. SQLITE_BUSY and SQLITE_LOCKED are not here: they mean another
 * process held the lock past busy_timeout, a fault of the deployment to be logged as an
 * internal error, and nothing an operator fixes by freeing or remounting the disk.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)(_[A-Z_]+)?$/;

/** True when a SQLite error says the storage failed rather than the statement. */
export function isStorageFailure(error: unknown): error is SqliteError {
  // By shape, not instanceof: the native addon keeps the SqliteError class (and so the
  // Error) of the first better-sqlite3 module loaded in the process, which a second copy
  // of the package or another realm (Jest's per-file sandbox) would not recognise.
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && STORAGE_CODES.test(code);
}

/**
 * A statement failed because the storage did: every caller, HTTP or socket, answers
 * `storage_unavailable` (503), and nothing of the command was kept.
 */
export class StorageUnavailableError extends DomainError {
  /** The SQLite code, e.g. SQLITE_FULL, for logs and the health check. */
  readonly sqliteCode: string;

  constructor(cause: SqliteError) {
    super('storage_unavailable', `Storage unavailable: ${cause.message} (${cause.code})`);
    this.name = 'StorageUnavailableError';
    this.sqliteCode = cause.code;
    this.cause = cause;
  }
}

/** True when a statement was refused because a foreign key still points at the row. */
export function isForeignKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
