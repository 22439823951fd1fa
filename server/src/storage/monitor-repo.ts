import type { Database } from './database';

/** Today's ticket counts and summed durations, as the live monitor reads them. */
export interface DayTicketFigures {
  issued: number;
  served: number;
  noShow: number;
  waiting: number;
  parked: number;
  cancelled: number;
  /** Milliseconds from issue to call, averaged over called tickets; null: none. */
  averageWaitMs: number | null;
  /** Milliseconds from start to finish, averaged over finished tickets; null: none. */
  averageServiceMs: number | null;
}

/** A waiting ticket, as the monitor lists it. */
export interface WaitingTicketRow {
  id: number;
  number: string;
  serviceId: number;
  issuedAt: number;
}

/** Aggregates over one service day for the supervisors' live monitor. */
export class MonitorRepo {
  constructor(private readonly db: Database) {}

  /** Counts and averages over the tickets of `day`. */
  dayFigures(day: string): DayTicketFigures {
    const row = this.db.get<{
      issued: number;
      served: number | null;
      no_show: number | null;
      waiting: number | null;
      parked: number | null;
      cancelled: number | null;
      average_wait: number | null;
      average_service: number | null;
    }>(
      `SELECT COUNT(*) AS issued,
         SUM(status = 'done') AS served,
         SUM(status = 'no_show') AS no_show,
         SUM(status = 'waiting') AS waiting,
         SUM(status = 'parked') AS parked,
         SUM(status = 'cancelled') AS cancelled,
         AVG(CASE WHEN called_at IS NOT NULL THEN called_at - issued_at END) AS average_wait,
         AVG(CASE WHEN status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
                  THEN finished_at - serving_at END) AS average_service
       FROM tickets WHERE day = ?`,
      [day],
    );
    return {
      issued: row?.issued ?? 0,
      served: row?.served ?? 0,
      noShow: row?.no_show ?? 0,
      waiting: row?.waiting ?? 0,
      parked: row?.parked ?? 0,
      cancelled: row?.cancelled ?? 0,
      averageWaitMs: row?.average_wait ?? null,
      averageServiceMs: row?.average_service ?? null,
    };
  }

  /** How many of the ratings of `day`'s tickets gave each level. */
  ratingCounts(day: string): Map<number, number> {
    const rows = this.db.all<{ level: number; count: number }>(
      `SELECT r.level AS level, COUNT(*) AS count
       FROM ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE t.day = ? GROUP BY r.level`,
      [day],
    );
    return new Map(rows.map((row) => [row.level, row.count]));
  }

  /** `day`'s waiting tickets, longest waiting first. */
  waiting(day: string): WaitingTicketRow[] {
    return this.db.all<WaitingTicketRow>(
      `SELECT id, number, service_id AS serviceId, issued_at AS issuedAt
       FROM tickets WHERE day = ? AND status = 'waiting' ORDER BY issued_at, id`,
      [day],
    );
  }
}
