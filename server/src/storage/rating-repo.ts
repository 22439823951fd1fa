import type { Database } from './database';

/** A visitor's rating as stored. */
export interface RatingRecord {
  id: number;
  ticketId: number;
  serviceId: number;
  counterId: number;
  staffId: number | null;
  level: number;
  reasons: string[];
  comment: string | null;
  ratedAt: number;
}

interface RatingRow {
  id: number;
  ticket_id: number;
  service_id: number;
  counter_id: number;
  staff_id: number | null;
  level: number;
  reasons: string;
  comment: string | null;
  rated_at: number;
}

const toRecord = (row: RatingRow): RatingRecord => ({
  id: row.id,
  ticketId: row.ticket_id,
  serviceId: row.service_id,
  counterId: row.counter_id,
  staffId: row.staff_id,
  level: row.level,
  reasons: JSON.parse(row.reasons) as string[],
  comment: row.comment,
  ratedAt: row.rated_at,
});

/** Visitors' ratings, one per ticket (the UNIQUE constraint settles a race). */
export class RatingRepo {
  constructor(private readonly db: Database) {}

  byTicket(ticketId: number): RatingRecord | undefined {
    const row = this.db.get<RatingRow>('SELECT * FROM ratings WHERE ticket_id = ?', [ticketId]);
    return row && toRecord(row);
  }

  get(id: number): RatingRecord | undefined {
    const row = this.db.get<RatingRow>('SELECT * FROM ratings WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  /** Inserts a rating; a second one for the ticket fails on `ticket_id UNIQUE`. */
  insert(rating: Omit<RatingRecord, 'id'>): number {
    return this.db.run(
      `INSERT INTO ratings (ticket_id, service_id, counter_id, staff_id, level, reasons,
         comment, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        rating.ticketId,
        rating.serviceId,
        rating.counterId,
        rating.staffId,
        rating.level,
        JSON.stringify(rating.reasons),
        rating.comment,
        rating.ratedAt,
      ],
    ).lastInsertRowid;
  }
}
