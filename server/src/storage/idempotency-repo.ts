import type { Database } from './database';

/** A remembered command result. */
export interface StoredResult {
  requestHash: string;
  response: unknown;
}

/** Results of idempotent commands, keyed by scope and client key. */
export class IdempotencyRepo {
  constructor(private readonly db: Database) {}

  find(scope: string, key: string): StoredResult | undefined {
    const row = this.db.get<{ request_hash: string; response: string }>(
      'SELECT request_hash, response FROM idempotency_keys WHERE scope = ? AND key = ?',
      [scope, key],
    );
    return (
      row && {
        requestHash: row.request_hash,
        response: JSON.parse(row.response) as unknown,
      }
    );
  }

  save(scope: string, key: string, result: StoredResult, at: number): void {
    this.db.run(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at)
       VALUES (?, ?, ?, ?, ?)`,
      [scope, key, result.requestHash, JSON.stringify(result.response), at],
    );
  }

  /** Forgets results older than `before`; returns how many. */
  prune(before: number): number {
    return this.db.run('DELETE FROM idempotency_keys WHERE created_at < ?', [before]).changes;
  }
}
