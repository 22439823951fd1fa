import type { Database } from './database';

/** One stored feed event; payload is the JSON object without seq and at. */
export interface StoredEvent {
  seq: number;
  at: number;
  type: string;
  payload: Record<string, unknown>;
}

/** The append-only event feed. */
export class EventRepo {
  constructor(private readonly db: Database) {}

  /** Appends an event and returns its seq. Call inside the transaction of the change. */
  append(type: string, at: number, payload: Record<string, unknown>): number {
    const { lastInsertRowid } = this.db.run(
      'INSERT INTO events (at, type, payload) VALUES (?, ?, ?)',
      [at, type, JSON.stringify(payload)],
    );
    return lastInsertRowid;
  }

  /** The newest seq, or 0 for an empty feed. */
  lastSeq(): number {
    return this.db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events')?.seq ?? 0;
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  since(seq: number, limit: number): StoredEvent[] {
    return this.db
      .all<{ seq: number; at: number; type: string; payload: string }>(
        'SELECT seq, at, type, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
        [seq, limit],
      )
      .map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  }

  /** The newest events of one type, newest first. */
  latestOfType(type: string, limit: number): StoredEvent[] {
    return this.db
      .all<{ seq: number; at: number; type: string; payload: string }>(
        'SELECT seq, at, type, payload FROM events WHERE type = ? ORDER BY seq DESC LIMIT ?',
        [type, limit],
      )
      .map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  }
}
