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
 * The day's tickets as arrivals, for the wait estimator's arrival rates: those issued
 * since an instant (read once in a while), and those inserted after a known id (read at
 * each forecast; ids grow with every insert, so this walks the primary key from the end
 * and costs the new rows only). The service is the one the ticket was issued for.
 */
export class ArrivalReads {
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

  /** The highest ticket id so far (0 with none). */
  lastId(): number {
    return this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM tickets')?.id ?? 0;
  }
}
