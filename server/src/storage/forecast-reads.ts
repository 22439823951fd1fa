import type { Database } from './database';

/** A ticket's issue as the estimator's arrival rates count it. */
export interface Arrival {
  id: number;
  serviceId: number;
  priority: boolean;
  issuedAt: number;
}

interface ArrivalRow {
  id: number;
  service_id: number;
  priority: number;
  issued_at: number;
}

const toArrival = (row: ArrivalRow): Arrival => ({
  id: row.id,
  serviceId: row.service_id,
  priority: row.priority === 1,
  issuedAt: row.issued_at,
});

/**
 * What the wait estimator reads of the day beyond the finished visits. The tickets as
 * arrivals, for its arrival rates: those issued since an instant (read once in a while),
 * and those inserted after a known id (read at each forecast; ids grow with every insert,
 * so this walks the primary key from the end and costs the new rows only); the service is
 * the one the ticket was issued for. And the clerks' turnaround between a visit and the
 * next call.
 */
export class ForecastReads {
  constructor(private readonly db: Database) {}

  /** Tickets of `day` issued at or after `from`, and the day's first issue time. */
  since(day: string, from: number): { arrivals: Arrival[]; firstIssuedAt: number | null } {
    const first = this.db.get<{ at: number | null }>(
      'SELECT MIN(issued_at) AS at FROM tickets WHERE day = ?',
      [day],
    );
    const arrivals = this.db
      .all<ArrivalRow>(
        `SELECT id, original_service_id AS service_id, priority_class IS NOT NULL AS priority,
           issued_at FROM tickets WHERE day = ? AND issued_at >= ? ORDER BY id`,
        [day, from],
      )
      .map(toArrival);
    return { arrivals, firstIssuedAt: first?.at ?? null };
  }

  /**
   * Tickets of `day` inserted after ticket `afterId`, in id order: a range of the primary
   * key (the day is checked on those rows only, so no index on it is used).
   */
  after(day: string, afterId: number): Arrival[] {
    return this.db
      .all<ArrivalRow & { day: string }>(
        `SELECT id, original_service_id AS service_id, priority_class IS NOT NULL AS priority,
           issued_at, day FROM tickets WHERE id > ? ORDER BY id`,
        [afterId],
      )
      .filter((row) => row.day === day)
      .map(toArrival);
  }

  /**
   * The clerks' turnaround on `day`: for each call of a ticket that was already waiting
   * when the counter's previous visit finished, the time from that finish to the call
   * (the counter had something to call, so the gap is the clerk's, not an empty queue's).
   * A recalled ticket counts from its last call, so the wait before the recall is in it
   * (the walk to the desk counts from the last call too).
   */
  turnaround(day: string): { calls: number; totalMs: number } {
    const row = this.db.get<{ n: number; ms: number | null }>(
      `SELECT COUNT(*) AS n, SUM(called_at - previous) AS ms FROM (
         SELECT called_at, issued_at,
           LAG(finished_at) OVER (PARTITION BY counter_id ORDER BY called_at) AS previous
         FROM tickets WHERE day = ? AND called_at IS NOT NULL AND counter_id IS NOT NULL)
       WHERE previous IS NOT NULL AND issued_at < previous AND called_at >= previous`,
      [day],
    );
    return { calls: row?.n ?? 0, totalMs: row?.ms ?? 0 };
  }

  /** The highest ticket id so far (0 with none). */
  lastId(): number {
    return this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM tickets')?.id ?? 0;
  }
}
