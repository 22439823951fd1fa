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

  /** Newest first, before an id (for paging), at most `limit`. */
  list(limit: number, beforeId?: number): AuditEntry[] {
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
      }>('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?', [
        beforeId ?? Number.MAX_SAFE_INTEGER,
        limit,
      ])
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
