import type { Database } from './database';

/** One line of the audit trail. */
export interface AuditEntry {
  id: number;
  at: number;
  staffId: number | null;
  username: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Which entries a page of the audit trail holds; every field narrows it. */
export interface AuditFilter {
  action?: string | undefined;
  staffId?: number | undefined;
  /** Entries of this username (case-insensitive), as written or as the staff member's. */
  username?: string | undefined;
  /** Entries at or after this instant (ms). */
  fromAt?: number | undefined;
  /** Entries before this instant (ms). */
  untilAt?: number | undefined;
}

/** Who changed what, when and from where: every admin and supervisor change and every sign-in. */
export class AuditRepo {
  constructor(private readonly db: Database) {}

  append(entry: Omit<AuditEntry, 'id'>): void {
    this.db.run(
      `INSERT INTO audit_log (at, staff_id, username, action, target, details, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.at,
        entry.staffId,
        entry.username,
        entry.action,
        entry.target,
        JSON.stringify(entry.details),
        entry.ip,
      ],
    );
  }

  /**
   * Newest first, before an id (for paging), at most `limit`, narrowed by `filter`. An
   * entry written with the staff id alone shows that account's username.
   */
  list(limit: number, beforeId?: number, filter: AuditFilter = {}): AuditEntry[] {
    const where = ['a.id < ?'];
    const params: (string | number)[] = [beforeId ?? Number.MAX_SAFE_INTEGER];
    if (filter.action !== undefined) {
      where.push('a.action = ?');
      params.push(filter.action);
    }
    if (filter.staffId !== undefined) {
      where.push('a.staff_id = ?');
      params.push(filter.staffId);
    }
    if (filter.username !== undefined) {
      // Failed sign-ins of unknown names carry the username alone; most entries the id.
      where.push('COALESCE(a.username, s.username) = ? COLLATE NOCASE');
      params.push(filter.username);
    }
    if (filter.fromAt !== undefined) {
      where.push('a.at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.untilAt !== undefined) {
      where.push('a.at < ?');
      params.push(filter.untilAt);
    }
    return this.db
      .all<{
        id: number;
        at: number;
        staff_id: number | null;
        username: string | null;
        action: string;
        target: string | null;
        details: string;
        ip: string | null;
      }>(
        `SELECT a.id, a.at, a.staff_id, COALESCE(a.username, s.username) AS username, a.action,
                a.target, a.details, a.ip
         FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ?`,
        [...params, limit],
      )
      .map((row) => ({
        id: row.id,
        at: row.at,
        staffId: row.staff_id,
        username: row.username,
        action: row.action,
        target: row.target,
        details: JSON.parse(row.details) as Record<string, unknown>,
        ip: row.ip,
      }));
  }
}
