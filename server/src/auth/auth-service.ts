import { createHash, randomBytes } from 'node:crypto';
import type { StaffUser } from '../contract/entities';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/clock';
import type { StaffRecord } from '../storage/staff-repo';
import type { Repos } from '../storage/repos';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';

/** How long a staff session lasts: one working day and a margin. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A hash that makes an unguessable login attempt take as long as a real one. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$oUR/ybDdIRV7kp6R/fiIVg$AVh6hC/LS/1VVpxhcFVjv1yOBUEjpBaNJDpZFv3ebSQ';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The public view of an account. */
export function toStaffUser(record: StaffRecord): StaffUser {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    mustChangePassword: record.mustChangePassword,
  };
}

/** Staff sign-in, sessions and the first admin account. */
export class AuthService {
  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
  ) {}

  /** Checks credentials and opens a session; the token is the cookie value. */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; user: StaffUser; expiresAt: number }> {
    const staff = this.repos.staff.byUsername(username);
    const ok = await verifyPassword(staff?.passwordHash ?? DUMMY_HASH, password);
    if (!staff || !staff.active || !ok) {
      throw new DomainError('invalid_credentials', 'Wrong username or password');
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    this.repos.staff.insertSession(hashToken(token), staff.id, now, expiresAt);
    return { token, user: toStaffUser(staff), expiresAt };
  }

  /** The staff member a session token belongs to, if the session is live. */
  authenticate(token: string | undefined): StaffRecord | undefined {
    if (!token) return undefined;
    return this.repos.staff.bySession(hashToken(token), this.clock.now());
  }

  /** Ends the session; returns whose it was, if it was live. */
  logout(token: string | undefined): StaffRecord | undefined {
    const staff = this.authenticate(token);
    if (token) this.repos.staff.revokeSession(hashToken(token), this.clock.now());
    return staff;
  }

  /**
   * Creates the admin account when there is none. Returns the password when it
   * was generated, so it can be printed once; null when nothing was created.
   */
  async ensureAdmin(
    configuredPassword: string | undefined,
  ): Promise<{ username: string; password: string; generated: boolean } | null> {
    if (this.repos.staff.countByRole('admin') > 0) return null;
    if (configuredPassword !== undefined && configuredPassword.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`LUOT_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const password = configuredPassword ?? generatePassword();
    const passwordHash = await hashPassword(password);
    this.repos.staff.insert(
      {
        username: 'admin',
        displayName: 'Quản trị viên',
        role: 'admin',
        passwordHash,
        mustChangePassword: false,
      },
      this.clock.now(),
    );
    return { username: 'admin', password, generated: configuredPassword === undefined };
  }
}
