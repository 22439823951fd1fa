import type { PrintJobStatus } from '../contract/printing';
import { OPEN_STATUSES } from '../domain/ticket';
import type { Database } from './database';

/**
 * What a printed ticket shows about the queue, frozen when its job is queued (people ahead;
 * the estimated wait in minutes, null when there is none).
 */
export interface PrintFigures {
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
}

/** A print job as stored. */
export interface PrintJobRecord {
  id: number;
  ticketId: number;
  /** The ticket's number (A012), for staff lists. */
  ticketNumber: string;
  printerId: number;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  nextAttemptAt: number | null;
  /** Null for jobs queued before figures were frozen: the figures are computed at print time. */
  figures: PrintFigures | null;
}

interface PrintJobRow {
  id: number;
  ticket_id: number;
  ticket_number: string;
  printer_id: number;
  status: PrintJobStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  next_attempt_at: number | null;
  figures: string | null;
}

const toRecord = (row: PrintJobRow): PrintJobRecord => ({
  id: row.id,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  printerId: row.printer_id,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  nextAttemptAt: row.next_attempt_at,
  figures: parseFigures(row.figures),
});

function orNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The stored figures, or null when absent or unreadable (then computed at print time). */
function parseFigures(text: string | null): PrintFigures | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) return null;
    const peopleAhead = orNull(value.peopleAhead);
    if (peopleAhead === null) return null;
    return {
      peopleAhead,
      estimatedWaitMinutes: orNull(value.estimatedWaitMinutes),
    };
  } catch {
    return null;
  }
}

/** Jobs with their ticket's number. */
const SELECT_JOBS =
  'SELECT j.*, t.number AS ticket_number FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id';

/** The durable print queue. */
export class PrintJobRepo {
  constructor(private readonly db: Database) {}

  get(id: number): PrintJobRecord | undefined {
    const row = this.db.get<PrintJobRow>(`${SELECT_JOBS} WHERE j.id = ?`, [id]);
    return row && toRecord(row);
  }

  /**
   * Newest first, at most `limit`, optionally of one status, only of tickets still in the
   * queue (waiting, called, serving or parked: visitors who may still need the paper), and
   * only each ticket's newest job.
   */
  list(
    filter: {
      status?: PrintJobStatus | undefined;
      inQueue?: boolean | undefined;
      latest?: boolean | undefined;
    } = {},
    limit = 200,
  ): PrintJobRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status !== undefined) {
      where.push('j.status = ?');
      params.push(filter.status);
    }
    if (filter.inQueue) {
      where.push(`t.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
      params.push(...OPEN_STATUSES);
    }
    if (filter.latest) {
      where.push('j.id = (SELECT MAX(id) FROM print_jobs WHERE ticket_id = j.ticket_id)');
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    return this.db
      .all<PrintJobRow>(`${SELECT_JOBS} ${clause} ORDER BY j.id DESC LIMIT ?`, [...params, limit])
      .map(toRecord);
  }

  insert(ticketId: number, printerId: number, figures: PrintFigures, now: number): number {
    return this.db.run(
      `INSERT INTO print_jobs (ticket_id, printer_id, status, attempts, created_at, updated_at,
       next_attempt_at, figures) VALUES (?, ?, 'queued', 0, ?, ?, ?, ?)`,
      [ticketId, printerId, now, now, now, JSON.stringify(figures)],
    ).lastInsertRowid;
  }

  /** The oldest queued job of a printer due by `dueBy`. */
  nextDue(printerId: number, dueBy: number): PrintJobRecord | undefined {
    const row = this.db.get<PrintJobRow>(
      `${SELECT_JOBS} WHERE j.printer_id = ? AND j.status = 'queued'
       AND COALESCE(j.next_attempt_at, 0) <= ? ORDER BY j.id LIMIT 1`,
      [printerId, dueBy],
    );
    return row && toRecord(row);
  }

  /** When each printer with queued jobs has its next one due. */
  queuedPrinters(): { printerId: number; dueAt: number }[] {
    return this.db.all<{ printerId: number; dueAt: number }>(
      `SELECT printer_id AS printerId, MIN(COALESCE(next_attempt_at, 0)) AS dueAt
       FROM print_jobs WHERE status = 'queued' GROUP BY printer_id`,
    );
  }

  /** The newest job of a ticket, if it was ever queued on a printer. */
  latestOf(ticketId: number): PrintJobRecord | undefined {
    const row = this.db.get<PrintJobRow>(
      `${SELECT_JOBS} WHERE j.ticket_id = ? ORDER BY j.id DESC LIMIT 1`,
      [ticketId],
    );
    return row && toRecord(row);
  }

  /** The printer a ticket was last printed (or queued) on. */
  lastPrinterOf(ticketId: number): number | undefined {
    return this.db.get<{ printer_id: number }>(
      'SELECT printer_id FROM print_jobs WHERE ticket_id = ? ORDER BY id DESC LIMIT 1',
      [ticketId],
    )?.printer_id;
  }

  startAttempt(id: number, now: number): void {
    this.db.run(
      `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, updated_at = ?,
       next_attempt_at = NULL WHERE id = ?`,
      [now, id],
    );
  }

  finish(
    id: number,
    status: PrintJobStatus,
    lastError: string | null,
    nextAttemptAt: number | null,
    now: number,
  ): void {
    this.db.run(
      `UPDATE print_jobs SET status = ?, last_error = ?, next_attempt_at = ?, updated_at = ?
       WHERE id = ?`,
      [status, lastError, nextAttemptAt, now, id],
    );
  }

  /** Jobs left `printing` by a stopped process go back to the queue (printing twice beats never). */
  requeueInterrupted(now: number, printerId?: number): number {
    return this.db.run(
      `UPDATE print_jobs SET status = 'queued', next_attempt_at = ?, updated_at = ?
       WHERE status = 'printing' AND (? IS NULL OR printer_id = ?)`,
      [now, now, printerId ?? null, printerId ?? null],
    ).changes;
  }

  /** Cancels the queued jobs of a printer (deleted or deactivated); returns their ids. */
  cancelQueued(printerId: number, now: number): number[] {
    const ids = this.db
      .all<{ id: number }>("SELECT id FROM print_jobs WHERE printer_id = ? AND status = 'queued'", [
        printerId,
      ])
      .map((r) => r.id);
    this.db.run(
      `UPDATE print_jobs SET status = 'cancelled', next_attempt_at = NULL, updated_at = ?
       WHERE printer_id = ? AND status = 'queued'`,
      [now, printerId],
    );
    return ids;
  }
}
