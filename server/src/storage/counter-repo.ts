import type { CounterStatus } from '../contract/entities';
import type { Database } from './database';
import { tableCacheOf } from './table-cache';
import { isForeignKeyError } from './storage-errors';

/** A counter as stored, with its services best tier first. */
export interface CounterRecord {
  id: number;
  number: number;
  name: string;
  staffId: number | null;
  staffName: string | null;
  active: boolean;
  status: CounterStatus;
  pauseReason: string | null;
  statusSince: number | null;
  autoCall: boolean;
  /** Normal tickets called since the last priority one (interleave policy). */
  normalStreak: number;
  services: { serviceId: number; tier: number }[];
}

interface CounterRow {
  id: number;
  number: number;
  name: string;
  staff_id: number | null;
  staff_name: string | null;
  active: number;
  status: CounterStatus;
  pause_reason: string | null;
  status_since: number | null;
  auto_call: number;
  normal_streak: number;
}

/** Reads and writes counters and the services they serve. */
export class CounterRepo {
  constructor(private readonly db: Database) {}

  /**
   * The active counters with their clerks and services, kept between reads until one of
   * those tables changes (storage/table-cache.ts); frozen, shared.
   */
  list(): CounterRecord[] {
    return tableCacheOf(this.db).read(
      'counters:active',
      ['counters', 'counter_services', 'staff'],
      () => this.load(),
    );
  }

  private load(): CounterRecord[] {
    const rows = this.db.all<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id WHERE c.active = 1 ORDER BY c.number`,
    );
    const links = this.db.all<{ counter_id: number; service_id: number; tier: number }>(
      'SELECT counter_id, service_id, tier FROM counter_services ORDER BY tier, service_id',
    );
    return rows.map((row) => ({
      ...this.toRecordBase(row),
      services: links
        .filter((link) => link.counter_id === row.id)
        .map((link) => ({ serviceId: link.service_id, tier: link.tier })),
    }));
  }

  get(id: number): CounterRecord | undefined {
    const row = this.db.get<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id WHERE c.id = ? AND c.active = 1`,
      [id],
    );
    if (!row) return undefined;
    return { ...this.toRecordBase(row), services: this.linksOf(id) };
  }

  /** One counter's service links, best tier first. */
  private linksOf(id: number): { serviceId: number; tier: number }[] {
    return this.db
      .all<{ service_id: number; tier: number }>(
        'SELECT service_id, tier FROM counter_services WHERE counter_id = ? ORDER BY tier, service_id',
        [id],
      )
      .map((link) => ({ serviceId: link.service_id, tier: link.tier }));
  }

  /** Number of active counters with a clerk signed in that serve the service. */
  staffedCountFor(serviceId: number): number {
    return (
      this.db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
         WHERE cs.service_id = ? AND c.active = 1 AND c.staff_id IS NOT NULL AND c.status = 'open'`,
        [serviceId],
      )?.n ?? 0
    );
  }

  /** Opens, pauses (with a reason) or closes a counter, recording pauses for the reports. */
  setStatus(
    counterId: number,
    status: CounterStatus,
    reason: string | null,
    at: number,
    staffId: number | null,
  ): void {
    this.db.run(
      'UPDATE counter_pauses SET ended_at = ? WHERE counter_id = ? AND ended_at IS NULL',
      [at, counterId],
    );
    if (status === 'paused') {
      this.db.run(
        'INSERT INTO counter_pauses (counter_id, staff_id, reason, started_at) VALUES (?, ?, ?, ?)',
        [counterId, staffId, reason ?? '', at],
      );
    }
    this.db.run('UPDATE counters SET status = ?, pause_reason = ?, status_since = ? WHERE id = ?', [
      status,
      status === 'paused' ? reason : null,
      at,
      counterId,
    ]);
  }

  /** Records a pause already over (a past day's, written by `npm run seed:history`). */
  insertPastPause(pause: {
    counterId: number;
    staffId: number | null;
    reason: string;
    startedAt: number;
    endedAt: number;
  }): void {
    this.db.run(
      `INSERT INTO counter_pauses (counter_id, staff_id, reason, started_at, ended_at)
       VALUES (?, ?, ?, ?, ?)`,
      [pause.counterId, pause.staffId, pause.reason, pause.startedAt, pause.endedAt],
    );
  }

  /** Records a clerk's shift already over (a past day's, written by `npm run seed:history`). */
  insertPastShift(shift: {
    counterId: number;
    staffId: number;
    startedAt: number;
    endedAt: number;
  }): void {
    this.db.run(
      'INSERT INTO counter_shifts (counter_id, staff_id, started_at, ended_at) VALUES (?, ?, ?, ?)',
      [shift.counterId, shift.staffId, shift.startedAt, shift.endedAt],
    );
  }

  setAutoCall(counterId: number, enabled: boolean): void {
    this.db.run('UPDATE counters SET auto_call = ? WHERE id = ?', [enabled ? 1 : 0, counterId]);
  }

  setNormalStreak(counterId: number, streak: number): void {
    this.db.run('UPDATE counters SET normal_streak = ? WHERE id = ?', [streak, counterId]);
  }

  /** Minutes of pause per counter between two instants (open pauses count up to `until`). */
  pausedMs(counterId: number, from: number, until: number): number {
    return (
      this.db.get<{ ms: number | null }>(
        `SELECT SUM(MIN(COALESCE(ended_at, ?), ?) - MAX(started_at, ?)) AS ms FROM counter_pauses
         WHERE counter_id = ? AND started_at < ? AND COALESCE(ended_at, ?) > ?`,
        [until, until, from, counterId, until, until, from],
      )?.ms ?? 0
    );
  }

  /**
   * Seats a clerk at a counter (or frees it, null) at `at`, keeping `counter_shifts` (who
   * held which counter when, for the reports' idle time): any open shift of the counter
   * closes, and a clerk taking it opens one.
   */
  setStaff(counterId: number, staffId: number | null, at: number): void {
    const held = this.db.get<{ staff_id: number | null }>(
      'SELECT staff_id FROM counters WHERE id = ?',
      [counterId],
    );
    if (held && held.staff_id === staffId) return;
    this.db.run(
      'UPDATE counter_shifts SET ended_at = ? WHERE counter_id = ? AND ended_at IS NULL',
      [at, counterId],
    );
    if (staffId !== null) {
      this.db.run(
        'INSERT INTO counter_shifts (counter_id, staff_id, started_at) VALUES (?, ?, ?)',
        [counterId, staffId, at],
      );
    }
    this.db.run('UPDATE counters SET staff_id = ? WHERE id = ?', [staffId, counterId]);
  }

  insert(
    counter: { number: number; name: string },
    services: { serviceId: number; tier: number }[],
  ): number {
    const id = this.db.run('INSERT INTO counters (number, name) VALUES (?, ?)', [
      counter.number,
      counter.name,
    ]).lastInsertRowid;
    for (const link of services) {
      this.db.run('INSERT INTO counter_services (counter_id, service_id, tier) VALUES (?, ?, ?)', [
        id,
        link.serviceId,
        link.tier,
      ]);
    }
    return id;
  }

  /** Every counter, inactive ones too, by number: what admins edit. */
  listAll(): CounterRecord[] {
    const rows = this.db.all<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.number`,
    );
    const links = this.db.all<{ counter_id: number; service_id: number; tier: number }>(
      'SELECT counter_id, service_id, tier FROM counter_services ORDER BY tier, service_id',
    );
    return rows.map((row) => ({
      ...this.toRecordBase(row),
      services: links
        .filter((link) => link.counter_id === row.id)
        .map((link) => ({ serviceId: link.service_id, tier: link.tier })),
    }));
  }

  /** A counter, active or not: one row and its links, so a loop over counters stays linear. */
  getAny(id: number): CounterRecord | undefined {
    const row = this.db.get<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id WHERE c.id = ?`,
      [id],
    );
    if (!row) return undefined;
    return { ...this.toRecordBase(row), services: this.linksOf(id) };
  }

  /** The counter holding a number, active or not. */
  byNumber(number: number): { id: number } | undefined {
    return this.db.get<{ id: number }>('SELECT id FROM counters WHERE number = ?', [number]);
  }

  /** Sets a counter's number, name and active flag. */
  update(id: number, counter: { number: number; name: string; active: boolean }): void {
    this.db.run('UPDATE counters SET number = ?, name = ?, active = ? WHERE id = ?', [
      counter.number,
      counter.name,
      counter.active ? 1 : 0,
      id,
    ]);
  }

  /** Replaces the services a counter serves and their tiers. */
  setServices(id: number, services: readonly { serviceId: number; tier: number }[]): void {
    this.db.run('DELETE FROM counter_services WHERE counter_id = ?', [id]);
    for (const link of services) {
      this.db.run('INSERT INTO counter_services (counter_id, service_id, tier) VALUES (?, ?, ?)', [
        id,
        link.serviceId,
        link.tier,
      ]);
    }
  }

  /**
   * Removes a counter nothing refers to (its service links go with it) and answers true;
   * false, removing nothing, when a ticket, a pause, a rating or a device refers to it.
   */
  deleteUnused(id: number): boolean {
    try {
      this.db.run('DELETE FROM counters WHERE id = ?', [id]);
      return true;
    } catch (error) {
      if (isForeignKeyError(error)) return false;
      throw error;
    }
  }

  private toRecordBase(row: CounterRow): Omit<CounterRecord, 'services'> {
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      staffId: row.staff_id,
      staffName: row.staff_name,
      active: row.active === 1,
      status: row.status,
      pauseReason: row.pause_reason,
      statusSince: row.status_since,
      autoCall: row.auto_call === 1,
      normalStreak: row.normal_streak,
    };
  }
}
