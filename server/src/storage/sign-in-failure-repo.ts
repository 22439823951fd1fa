import type { Database } from './database';

/** A name's run of failed sign-ins and the lock it caused, if any. */
export interface StoredFailures {
  failures: number;
  lockedUntil: number | null;
}

/** Failed sign-ins of names that are no account (an account keeps its own in `staff`). */
export class SignInFailureRepo {
  constructor(private readonly db: Database) {}

  /** The name's record, if it has failed and not been cleared. */
  get(name: string): StoredFailures | undefined {
    return this.db.get<StoredFailures>(
      `SELECT failures, locked_until AS lockedUntil FROM sign_in_failures WHERE name = ?`,
      [name],
    );
  }

  /** Stores the name's record as of a failure at `at`. */
  put(name: string, record: StoredFailures, at: number): void {
    this.db.run(
      `INSERT INTO sign_in_failures (name, failures, locked_until, last_failure_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET failures = excluded.failures,
         locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
      [name, record.failures, record.lockedUntil, at],
    );
  }

  /** Forgets the name. */
  delete(name: string): void {
    this.db.run(`DELETE FROM sign_in_failures WHERE name = ?`, [name]);
  }

  /** Drops the names not locked at `now` whose last failure came before `staleBefore`. */
  sweep(now: number, staleBefore: number): void {
    this.db.run(
      `DELETE FROM sign_in_failures
        WHERE (locked_until IS NULL OR locked_until <= ?) AND last_failure_at < ?`,
      [now, staleBefore],
    );
  }
}
