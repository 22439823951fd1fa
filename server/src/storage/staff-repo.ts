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
}

interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  active: number;
}

const toRecord = (row: StaffRow): StaffRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  mustChangePassword: row.must_change_password === 1,
  active: row.active === 1,
});

/** Staff accounts and their sessions. */
export class StaffRepo {
  constructor(private readonly db: Database) {}

  byUsername(username: string): StaffRecord | undefined {
    const row = this.db.get<StaffRow>('SELECT * FROM staff WHERE username = ?', [username]);
    return row && toRecord(row);
  }

  get(id: number): StaffRecord | undefined {
    const row = this.db.get<StaffRow>('SELECT * FROM staff WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  countByRole(role: Role): number {
    return (
      this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff WHERE role = ?', [role])?.n ?? 0
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

  insertSession(tokenHash: string, staffId: number, createdAt: number, expiresAt: number): void {
    this.db.run(
      'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [tokenHash, staffId, createdAt, expiresAt],
    );
  }

  /** The active staff member of a live session, if the session is valid at `now`. */
  bySession(tokenHash: string, now: number): StaffRecord | undefined {
    const row = this.db.get<StaffRow>(
      `SELECT s.* FROM sessions x JOIN staff s ON s.id = x.staff_id
       WHERE x.token_hash = ? AND x.revoked_at IS NULL AND x.expires_at > ? AND s.active = 1`,
      [tokenHash, now],
    );
    return row && toRecord(row);
  }

  revokeSession(tokenHash: string, now: number): void {
    this.db.run('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL', [
      now,
      tokenHash,
    ]);
  }
}
