import type { PriorityClass, TicketStatus } from '../contract/entities';
import { OPEN_STATUSES, type TicketRecord } from '../domain/ticket';
import type { Database } from './database';
import { waitingIndexOf, type WaitingIndex } from './waiting-index';

interface TicketRow {
  id: number;
  service_id: number;
  day: string;
  sequence: number;
  number: string;
  priority_class: PriorityClass | null;
  status: TicketStatus;
  counter_id: number | null;
  staff_id: number | null;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  recall_count: number;
  tracking_token: string;
  front: number;
  target_counter_id: number | null;
  original_service_id: number;
  transfer_count: number;
  note: string | null;
  close_reason: string | null;
  parked_at: number | null;
  target_wait_minutes: number | null;
  estimate_minutes: number | null;
}

/** `status IN ('waiting', …)`, the condition of the partial index tickets_open_day. */
const OPEN_LITERAL = `status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const toRecord = (row: TicketRow): TicketRecord => ({
  id: row.id,
  serviceId: row.service_id,
  day: row.day,
  sequence: row.sequence,
  number: row.number,
  priorityClass: row.priority_class,
  status: row.status,
  counterId: row.counter_id,
  staffId: row.staff_id,
  issuedAt: row.issued_at,
  calledAt: row.called_at,
  servingAt: row.serving_at,
  finishedAt: row.finished_at,
  recallCount: row.recall_count,
  trackingToken: row.tracking_token,
  front: row.front === 1,
  targetCounterId: row.target_counter_id,
  originalServiceId: row.original_service_id,
  transferCount: row.transfer_count,
  note: row.note,
  closeReason: row.close_reason,
  parkedAt: row.parked_at,
  targetWaitMinutes: row.target_wait_minutes,
  estimateMinutes: row.estimate_minutes,
});

/** A ticket about to be inserted: everything but its id. */
export type NewTicket = Omit<TicketRecord, 'id'>;

/** Reads and writes tickets and their daily number sequences. */
export class TicketRepo {
  constructor(private readonly db: Database) {}

  /**
   * The waiting tickets in memory, in the call order's lists, following this table through
   * triggers (created at first use, so a connection that never asks has none).
   */
  get waiting(): WaitingIndex {
    return waitingIndexOf(this.db);
  }

  /** Open tickets (waiting, called, serving, parked) of days before `day`, for the day end. */
  openBefore(day: string): TicketRecord[] {
    // The status list is literal, as in the partial index tickets_open_day (migration 017):
    // SQLite uses that index only when the query spells the index's condition, and INDEXED
    // BY keeps its planner (no statistics) from walking every open ticket in tickets_waiting.
    return this.db
      .all<TicketRow>(
        `SELECT * FROM tickets INDEXED BY tickets_open_day WHERE day < ? AND ${OPEN_LITERAL} ORDER BY id`,
        [day],
      )
      .map(toRecord);
  }

  /** Tickets issued for a service on a day (its daily cap counts these). */
  issuedCount(serviceId: number, day: string): number {
    return (
      this.db.get<{ last_value: number }>(
        'SELECT last_value FROM ticket_sequences WHERE service_id = ? AND day = ?',
        [serviceId, day],
      )?.last_value ?? 0
    );
  }

  /**
   * The highest n among the numbers `prefix` + n a service issued on a day (0 when none),
   * whatever its number range was then. Read from the top of the service's numbers of the
   * day by length and text (`tickets_service_day_number`): the first with this prefix and
   * digits only is the highest, so a normal day reads one row.
   */
  highestNumber(serviceId: number, day: string, prefix: string): number {
    const digitsFrom = prefix.length + 1;
    const row = this.db.get<{ highest: number | null }>(
      `SELECT CAST(substr(number, ?) AS INTEGER) AS highest FROM tickets
       WHERE original_service_id = ? AND day = ? AND substr(number, 1, ?) = ?
         AND length(number) >= ? AND substr(number, ?) NOT GLOB '*[^0-9]*'
       ORDER BY length(number) DESC, number DESC LIMIT 1`,
      [digitsFrom, serviceId, day, prefix.length, prefix, digitsFrom, digitsFrom],
    );
    return row?.highest ?? 0;
  }

  /** Whether a ticket of the day, of any service, already carries this number. */
  numberTaken(day: string, number: string): boolean {
    return (
      this.db.get<{ taken: number }>(
        'SELECT 1 AS taken FROM tickets WHERE day = ? AND number = ? LIMIT 1',
        [day, number],
      ) !== undefined
    );
  }

  /** Takes the next sequence for a service and day; the value is never handed out again. */
  allocateSequence(serviceId: number, day: string): number {
    const row = this.db.get<{ last_value: number }>(
      `INSERT INTO ticket_sequences (service_id, day, last_value) VALUES (?, ?, 1)
       ON CONFLICT (service_id, day) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
      [serviceId, day],
    );
    if (!row) throw new Error('Sequence allocation returned nothing');
    return row.last_value;
  }

  insert(ticket: NewTicket): TicketRecord {
    const { lastInsertRowid } = this.db.run(
      `INSERT INTO tickets (service_id, day, sequence, number, priority_class, status, counter_id,
         staff_id, issued_at, called_at, serving_at, finished_at, recall_count, tracking_token,
         front, target_counter_id, original_service_id, transfer_count, note, close_reason,
         parked_at, target_wait_minutes, estimate_minutes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ticket.serviceId,
        ticket.day,
        ticket.sequence,
        ticket.number,
        ticket.priorityClass,
        ticket.status,
        ticket.counterId,
        ticket.staffId,
        ticket.issuedAt,
        ticket.calledAt,
        ticket.servingAt,
        ticket.finishedAt,
        ticket.recallCount,
        ticket.trackingToken,
        ticket.front ? 1 : 0,
        ticket.targetCounterId,
        ticket.originalServiceId,
        ticket.transferCount,
        ticket.note,
        ticket.closeReason,
        ticket.parkedAt,
        ticket.targetWaitMinutes,
        ticket.estimateMinutes,
      ],
    );
    return { ...ticket, id: lastInsertRowid };
  }

  /** Writes back the fields a transition may change. */
  /** Keeps the estimated wait shown at issue with the ticket (the estimator's own record). */
  recordEstimate(id: number, minutes: number): void {
    this.db.run('UPDATE tickets SET estimate_minutes = ? WHERE id = ?', [minutes, id]);
  }

  update(ticket: TicketRecord): void {
    this.db.run(
      `UPDATE tickets SET status = ?, counter_id = ?, staff_id = ?, called_at = ?, serving_at = ?,
         finished_at = ?, recall_count = ?, service_id = ?, front = ?, target_counter_id = ?,
         transfer_count = ?, note = ?, close_reason = ?, parked_at = ? WHERE id = ?`,
      [
        ticket.status,
        ticket.counterId,
        ticket.staffId,
        ticket.calledAt,
        ticket.servingAt,
        ticket.finishedAt,
        ticket.recallCount,
        ticket.serviceId,
        ticket.front ? 1 : 0,
        ticket.targetCounterId,
        ticket.transferCount,
        ticket.note,
        ticket.closeReason,
        ticket.parkedAt,
        ticket.id,
      ],
    );
  }

  get(id: number): TicketRecord | undefined {
    const row = this.db.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  /**
   * Waiting tickets of the given services, plus any sent to `counterId` by
   * name, in no particular order.
   */
  waitingFor(serviceIds: readonly number[], counterId?: number): TicketRecord[] {
    const marks = serviceIds.map(() => '?').join(', ');
    const ofServices = serviceIds.length > 0 ? `service_id IN (${marks})` : '0';
    return this.db
      .all<TicketRow>(
        `SELECT * FROM tickets WHERE status = 'waiting'
         AND (${ofServices} OR target_counter_id = ?)`,
        [...serviceIds, counterId ?? -1],
      )
      .map(toRecord);
  }

  /** Today's waiting or parked ticket with this number, if any. */
  openByNumber(number: string, day: string): TicketRecord | undefined {
    const row = this.db.get<TicketRow>(
      `SELECT * FROM tickets WHERE number = ? AND day = ? AND status IN ('waiting', 'parked')
       ORDER BY id LIMIT 1`,
      [number, day],
    );
    return row && toRecord(row);
  }

  /** The ticket a visitor's QR code names. */
  byToken(token: string): TicketRecord | undefined {
    const row = this.db.get<TicketRow>('SELECT * FROM tickets WHERE tracking_token = ?', [token]);
    return row && toRecord(row);
  }

  /** Today's tickets in the given statuses, oldest first (for a clerk's lists), of one counter's when given. */
  listByStatus(
    day: string,
    statuses: readonly string[],
    counterId?: number,
    limit = 200,
  ): TicketRecord[] {
    const marks = statuses.map(() => '?').join(', ');
    const atCounter = counterId === undefined ? '' : ' AND counter_id = ?';
    const counterArgs = counterId === undefined ? [] : [counterId];
    return this.db
      .all<TicketRow>(
        // By day first: without statistics SQLite would walk the counter's tickets of
        // every day (years of them) through tickets_counter.
        `SELECT * FROM tickets INDEXED BY tickets_day
         WHERE day = ? AND status IN (${marks})${atCounter}
         ORDER BY issued_at, id LIMIT ?`,
        [day, ...statuses, ...counterArgs, limit],
      )
      .map(toRecord);
  }

  /**
   * What one counter finished on a service day, counted in SQL (no list, so no limit):
   * tickets done there, and the mean minutes from start to finish over those started.
   */
  counterDayFigures(
    day: string,
    counterId: number,
  ): { served: number; averageServiceMinutes: number | null } {
    const row = this.db.get<{ served: number; mean: number | null }>(
      `SELECT COUNT(*) AS served,
         AVG(CASE WHEN serving_at IS NOT NULL AND finished_at IS NOT NULL
           THEN MAX(0, finished_at - serving_at) END) / 60000.0 AS mean
       FROM tickets WHERE day = ? AND status = 'done' AND counter_id = ?`,
      [day, counterId],
    );
    return { served: row?.served ?? 0, averageServiceMinutes: row?.mean ?? null };
  }

  /** The ticket a counter has called or is serving, if any. */
  currentAt(counterId: number): TicketRecord | undefined {
    const row = this.db.get<TicketRow>(
      `SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')
       ORDER BY called_at DESC LIMIT 1`,
      [counterId],
    );
    return row && toRecord(row);
  }

  /** Current tickets of all counters, by counter id. */
  currentByCounter(): Map<number, TicketRecord> {
    const rows = this.db.all<TicketRow>(
      `SELECT * FROM tickets WHERE counter_id IS NOT NULL AND status IN ('called', 'serving')`,
    );
    return new Map(rows.map((row) => [row.counter_id as number, toRecord(row)]));
  }

  /** Waiting tickets per service id, kept in memory as tickets come and go. */
  waitingCounts(): ReadonlyMap<number, number> {
    return this.waiting.waitingCounts();
  }

  /**
   * Sets a service's sequence for a day to at least `lastValue`, as if that many tickets
   * had been issued (`npm run seed:history` writes a past day's tickets in one go).
   */
  recordSequence(serviceId: number, day: string, lastValue: number): void {
    this.db.run(
      `INSERT INTO ticket_sequences (service_id, day, last_value) VALUES (?, ?, ?)
       ON CONFLICT (service_id, day) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)`,
      [serviceId, day, lastValue],
    );
  }

  /** The service days from `from` to `to` (inclusive, YYYY-MM-DD) holding any ticket. */
  daysWithTickets(from: string, to: string): Set<string> {
    const rows = this.db.all<{ day: string }>(
      'SELECT DISTINCT day FROM tickets WHERE day >= ? AND day <= ?',
      [from, to],
    );
    return new Set(rows.map((row) => row.day));
  }

  /**
   * A day's finished visits per service and clerk: how many, and their total service (start
   * to finish) and walk (called to start) in ms. Read through `tickets_day`: one day's rows.
   */
  dayVisitTallies(day: string): {
    serviceId: number;
    staffId: number | null;
    visits: number;
    serviceMs: number;
    walkMs: number;
  }[] {
    return this.db
      .all<{ service_id: number; staff_id: number | null; n: number; s: number; w: number }>(
        `SELECT service_id, staff_id, COUNT(*) AS n, SUM(MAX(0, finished_at - serving_at)) AS s,
           SUM(MAX(0, serving_at - COALESCE(called_at, serving_at))) AS w
         FROM tickets INDEXED BY tickets_day
         WHERE day = ? AND status = 'done' AND serving_at IS NOT NULL
           AND finished_at IS NOT NULL
         GROUP BY service_id, staff_id`,
        [day],
      )
      .map((row) => ({
        serviceId: row.service_id,
        staffId: row.staff_id,
        visits: row.n,
        serviceMs: row.s,
        walkMs: row.w,
      }));
  }

  /** Mean minutes of the last `limit` finished services of a service, or null without history. */
  meanServiceMinutes(serviceId: number, limit = 20): number | null {
    const row = this.db.get<{ mean: number | null }>(
      `SELECT AVG(finished_at - serving_at) / 60000.0 AS mean FROM (
         SELECT finished_at, serving_at FROM tickets
         WHERE service_id = ? AND status = 'done' AND serving_at IS NOT NULL
         ORDER BY finished_at DESC LIMIT ?)`,
      [serviceId, limit],
    );
    return row?.mean ?? null;
  }
}
