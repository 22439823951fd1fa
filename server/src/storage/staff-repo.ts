import type { Role } from '../contract/entities';
import type { Database } from './database';

/** A staff account as stored. */
export interface StaffRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  active: boolean;
  /** Failed sign-ins since the last success or lock. */
  failedLogins: number;
  /** Sign-in is refused until this instant. */
  lockedUntil: number | null;
  createdAt: number;
}

/** A live session and the account it belongs to. */
export interface SessionRecord {
  id: number;
  staffId: number;
  username: string;
  displayName: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  active: number;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
}

const toRecord = (row: StaffRow): StaffRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  mustChangePassword: row.must_change_password === 1,
  active: row.active === 1,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
});

/** The fields an admin may change on an account. */
export interface StaffChanges {
  displayName?: string;
  role?: Role;
  active?: boolean;
}

/**
 * A username as accounts are looked up and sign-in failures counted: NFC, trimmed, lower
 * case (the column compares without case too), so "Lan", " lan" and "LAN" are one name.
 */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** Staff accounts and their sessions. */
export class StaffRepo {
  constructor(private readonly db: Database) {}

  byUsername(username: string): StaffRecord | undefined {
    const row = this.db.get<StaffRow>('SELECT * FROM staff WHERE username = ?', [
      normalizeUsername(username),
    ]);
    return row && toRecord(row);
  }

  get(id: number): StaffRecord | undefined {
    const row = this.db.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  /** Every account, active or not, by username. */
  list(): StaffRecord[] {
    return this.db.all<StaffRow>('SELECT * FROM staff ORDER BY username').map(toRecord);
  }

  countByRole(role: Role): number {
    return (
      this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff WHERE role = ?', [role])?.n ?? 0
    );
  }

  /** Active accounts holding the role. */
  countActiveByRole(role: Role): number {
    return (
      this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff WHERE role = ? AND active = 1', [
        role,
      ])?.n ?? 0
    );
  }

  insert(
    staff: Pick<
      StaffRecord,
      'username' | 'displayName' | 'role' | 'passwordHash' | 'mustChangePassword'
    >,
    createdAt: number,
  ): number {
    return this.db.run(
      `INSERT INTO staff (username, display_name, role, password_hash, must_change_password, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        staff.username,
        staff.displayName,
        staff.role,
        staff.passwordHash,
        staff.mustChangePassword ? 1 : 0,
        createdAt,
      ],
    ).lastInsertRowid;
  }

  update(id: number, changes: StaffChanges): void {
    const current = this.get(id);
    if (!current) return;
    this.db.run('UPDATE staff SET display_name = ?, role = ?, active = ? WHERE id = ?', [
      changes.displayName ?? current.displayName,
      changes.role ?? current.role,
      (changes.active ?? current.active) ? 1 : 0,
      id,
    ]);
  }

  setPassword(id: number, passwordHash: string, mustChangePassword: boolean): void {
    this.db.run(
      `UPDATE staff SET password_hash = ?, must_change_password = ?, failed_logins = 0,
         locked_until = NULL WHERE id = ?`,
      [passwordHash, mustChangePassword ? 1 : 0, id],
    );
  }

  /** Records the outcome of sign-in attempts: the failure count and any lock. */
  setLoginState(id: number, failedLogins: number, lockedUntil: number | null): void {
    this.db.run('UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?', [
      failedLogins,
      lockedUntil,
      id,
    ]);
  }

  /** Opens a session; returns its id. */
  insertSession(
    tokenHash: string,
    staffId: number,
    createdAt: number,
    expiresAt: number,
    client: { ip?: string | null; userAgent?: string | null } = {},
  ): number {
    return this.db.run(
      `INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, ip, user_agent)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [tokenHash, staffId, createdAt, expiresAt, client.ip ?? null, client.userAgent ?? null],
    ).lastInsertRowid;
  }

  /** The live session of a token (its id and end) and its active account, if valid at `now`. */
  sessionByToken(
    tokenHash: string,
    now: number,
  ): { sessionId: number; expiresAt: number; staff: StaffRecord } | undefined {
    const row = this.db.get<StaffRow & { session_id: number; session_expires_at: number }>(
      `SELECT s.*, x.id AS session_id, x.expires_at AS session_expires_at
       FROM sessions x JOIN staff s ON s.id = x.staff_id
       WHERE x.token_hash = ? AND x.revoked_at IS NULL AND x.expires_at > ? AND s.active = 1`,
      [tokenHash, now],
    );
    return (
      row && { sessionId: row.session_id, expiresAt: row.session_expires_at, staff: toRecord(row) }
    );
  }

  /** The active staff member of a live session, if the session is valid at `now`. */
  bySession(tokenHash: string, now: number): StaffRecord | undefined {
    return this.sessionByToken(tokenHash, now)?.staff;
  }

  /** Sessions neither revoked nor expired at `now`, of active accounts, newest first. */
  liveSessions(now: number): SessionRecord[] {
    return this.db
      .all<{
        id: number;
        staff_id: number;
        username: string;
        display_name: string;
        role: Role;
        created_at: number;
        expires_at: number;
        ip: string | null;
        user_agent: string | null;
      }>(
        `SELECT x.id, x.staff_id, s.username, s.display_name, s.role, x.created_at, x.expires_at,
           x.ip, x.user_agent
         FROM sessions x JOIN staff s ON s.id = x.staff_id
         WHERE x.revoked_at IS NULL AND x.expires_at > ? AND s.active = 1
         ORDER BY x.id DESC`,
        [now],
      )
      .map((row) => ({
        id: row.id,
        staffId: row.staff_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        ip: row.ip,
        userAgent: row.user_agent,
      }));
  }

  revokeSession(tokenHash: string, now: number): void {
    this.db.run('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [
      now,
      tokenHash,
    ]);
  }

  /** Revokes one live session by id; returns its staff id, or undefined when none was live. */
  revokeSessionById(id: number, now: number): number | undefined {
    return this.db.get<{ staff_id: number }>(
      `UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND expires_at > ?
       RETURNING staff_id`,
      [now, id, now],
    )?.staff_id;
  }

  /** Revokes every live session of an account except `keepId`; returns the revoked ids. */
  revokeSessionsOf(staffId: number, now: number, keepId?: number): number[] {
    return this.db
      .all<{ id: number }>(
        `UPDATE sessions SET revoked_at = ?
         WHERE staff_id = ? AND id != ? AND revoked_at IS NULL AND expires_at > ? RETURNING id`,
        [now, staffId, keepId ?? 0, now],
      )
      .map((row) => row.id);
  }

  /** Whether the account still has a live session. */
  hasLiveSession(staffId: number, now: number): boolean {
    return (
      this.db.get(
        'SELECT 1 FROM sessions WHERE staff_id = ? AND revoked_at IS NULL AND expires_at > ?',
        [staffId, now],
      ) !== undefined
    );
  }
}
