import type { StaffUser } from '../contract/entities';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import type { CommandRunner } from '../services/core/command-runner';
import { normalizeUsername, type StaffRecord } from '../storage/staff-repo';
import type { Repos } from '../storage/repos';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords';
import { RateLimiter, takeEach } from './rate-limiter';
import { SignInGuard } from './sign-in-guard';
import type { CounterReleaser } from './staff-admin';
import { hashToken, newToken } from './tokens';

/** How long a staff session lasts: one working day and a margin. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Between the address and the username in per-user rate-limit keys. */
const USER_KEY_SEPARATOR = '|';

/** Consecutive failed sign-ins that lock a username (an account or not), and for how long. */
export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60 * 1000 } as const;

/** Sign-in attempts allowed per IP and username, and per IP alone, in a 15-minute window. */
export const LOGIN_RATE = {
  perUser: { limit: 10, windowMs: 15 * 60 * 1000 },
  perIp: { limit: 50, windowMs: 15 * 60 * 1000 },
} as const;

/** A hash that makes an unguessable login attempt take as long as a real one. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$oUR/ybDdIRV7kp6R/fiIVg$AVh6hC/LS/1VVpxhcFVjv1yOBUEjpBaNJDpZFv3ebSQ';

/** Where a request came from, for sessions and the audit trail. */
export interface ClientInfo {
  ip: string | null;
  userAgent?: string | null;
}

/** Checks a password against a stored hash (argon2id; tests count the calls). */
export type PasswordVerifier = (storedHash: string, password: string) => Promise<boolean>;

/** A live session and its account. */
export interface LiveSession {
  sessionId: number;
  /** When the session ends (epoch ms on the server clock). */
  expiresAt: number;
  staff: StaffRecord;
}

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

/** Staff sign-in with lockout, sessions and password changes. */
export class AuthService {
  private readonly perUser: RateLimiter;
  private readonly perIp: RateLimiter;
  private readonly lockout: SignInGuard;
  private readonly verify: PasswordVerifier;
  private readonly runner: CommandRunner;
  private readonly counters: CounterReleaser;

  /** `runner` and `counters` make a sign-out and the counter it frees one transaction. */
  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    deps: { runner: CommandRunner; counters: CounterReleaser },
    options: { verify?: PasswordVerifier } = {},
  ) {
    this.runner = deps.runner;
    this.counters = deps.counters;
    this.perUser = new RateLimiter(clock, LOGIN_RATE.perUser);
    this.perIp = new RateLimiter(clock, LOGIN_RATE.perIp);
    this.verify = options.verify ?? verifyPassword;
    this.lockout = new SignInGuard(
      clock,
      LOCKOUT,
      {
        load: (name) => {
          const staff = repos.staff.byUsername(name);
          return staff && { failures: staff.failedLogins, lockedUntil: staff.lockedUntil };
        },
        save: (name, record) => {
          const staff = repos.staff.byUsername(name);
          if (staff) repos.staff.setLoginState(staff.id, record.failures, record.lockedUntil);
        },
      },
      {
        load: (name) => repos.signInFailures.get(name),
        save: (name, record) => repos.signInFailures.put(name, record, clock.now()),
        delete: (name) => repos.signInFailures.delete(name),
        sweep: (now, staleBefore) => repos.signInFailures.sweep(now, staleBefore),
      },
    );
  }

  /**
   * Forgets an account's failed sign-ins from every address, so it may sign in at once
   * (an admin reset its password, which also unlocks it).
   */
  forgetFailedSignIns(username: string): void {
    const suffix = `${USER_KEY_SEPARATOR}${normalizeUsername(username)}`;
    this.perUser.resetWhere((key) => key.endsWith(suffix));
    this.lockout.forget(username);
  }

  /**
   * Checks credentials and opens a session; the token is the cookie value.
   * Refuses with `rate_limited` past the per-IP limits, `account_locked` while the
   * name is locked (whether or not it is an account), `invalid_credentials` otherwise;
   * every outcome is audited. Every limit is taken before the password check and
   * given back on success, so parallel guesses cannot outrun it.
   */
  async login(
    username: string,
    password: string,
    client: ClientInfo = { ip: null },
  ): Promise<{ token: string; user: StaffUser; expiresAt: number }> {
    const ipKey = client.ip ?? '-';
    const userKey = `${ipKey}${USER_KEY_SEPARATOR}${normalizeUsername(username)}`;
    if (!takeEach([this.perUser, userKey], [this.perIp, ipKey])) {
      throw new DomainError('rate_limited', 'Too many sign-in attempts');
    }
    const who = { username, ip: client.ip };
    const staff = this.repos.staff.byUsername(username);
    const attempt = this.lockout.admit(username);
    if (!attempt) {
      this.runner.run({ scope: 'auth:login-refused', request: null }, (context) =>
        context.audit('auth.login_failed', { ...who, staffId: staff?.id ?? null }, null, {
          reason: 'locked',
        }),
      );
      throw new DomainError('account_locked', 'Too many failed sign-ins');
    }
    try {
      const ok = await this.verify(staff?.passwordHash ?? DUMMY_HASH, password);
      if (!staff || !staff.active || !ok) {
        this.runner.run({ scope: 'auth:login-failed', request: null }, (context) => {
          const locked = attempt.failed();
          context.audit('auth.login_failed', { ...who, staffId: staff?.id ?? null }, null, {
            reason: !staff ? 'unknown_user' : !staff.active ? 'inactive' : 'wrong_password',
            ...(locked && { locked: true }),
          });
        });
        throw new DomainError('invalid_credentials', 'Wrong username or password');
      }
      // No idempotency record: it would keep the session token.
      const command = { scope: 'auth:login', request: null };
      const session = this.runner.run(command, (context) => {
        attempt.succeeded();
        const opened = this.openSession(staff.id, client);
        context.audit('auth.login', {
          staffId: staff.id,
          username: staff.username,
          ip: client.ip,
        });
        return opened;
      }).value;
      this.perUser.reset(userKey);
      this.perIp.refund(ipKey);
      return { token: session.token, user: toStaffUser(staff), expiresAt: session.expiresAt };
    } finally {
      attempt.release();
    }
  }

  /** Opens a session for an account without a password check (sign-in, tests). */
  openSession(
    staffId: number,
    client: ClientInfo = { ip: null },
  ): { token: string; sessionId: number; expiresAt: number } {
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    const sessionId = this.repos.staff.insertSession(hashToken(token), staffId, now, expiresAt, {
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return { token, sessionId, expiresAt };
  }

  /** The live session a token opens, if any. */
  session(token: string | undefined): LiveSession | undefined {
    if (!token) return undefined;
    return this.sessionByHash(hashToken(token));
  }

  /** The live session of a stored token hash (sockets keep only the hash). */
  sessionByHash(tokenHash: string): LiveSession | undefined {
    return this.repos.staff.sessionByToken(tokenHash, this.clock.now());
  }

  /** Milliseconds left, on the server clock, before a session ending at `expiresAt` ends (≤ 0: ended). */
  timeLeft(expiresAt: number): number {
    return expiresAt - this.clock.now();
  }

  /** The staff member a session token belongs to, if the session is live. */
  authenticate(token: string | undefined): StaffRecord | undefined {
    return this.session(token)?.staff;
  }

  /**
   * Ends the session; returns whose it was, if it was live. Revoking it, its audit row
   * and freeing the clerk's counter (when no other session of theirs is left) are one
   * transaction; screens and the session's sockets hear of it after the commit.
   */
  logout(token: string | undefined, client: ClientInfo = { ip: null }): StaffRecord | undefined {
    if (!token) return undefined;
    return this.runner.run({ scope: 'auth:logout', request: null }, (context) => {
      const live = this.session(token);
      this.repos.staff.revokeSession(hashToken(token), context.at);
      if (!live) return undefined;
      const { staff } = live;
      context.audit('auth.logout', {
        staffId: staff.id,
        username: staff.username,
        ip: client.ip,
      });
      this.counters.releaseIfSignedOut(staff.id);
      context.endAccess({ kind: 'sessions-ended', sessionIds: [live.sessionId], reason: 'logout' });
      return staff;
    }).value;
  }

  /**
   * Changes the signed-in user's own password and clears any forced change.
   * Their other sessions end; this one stays.
   */
  async changePassword(
    session: LiveSession,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo = { ip: null },
  ): Promise<StaffUser> {
    const key = `change|${session.staff.id}`;
    // Taken before the check, so parallel guesses of the current password cannot outrun it.
    if (!this.perUser.take(key)) throw new DomainError('rate_limited', 'Too many attempts');
    if (!(await this.verify(session.staff.passwordHash, currentPassword))) {
      throw new DomainError('invalid_credentials', 'Wrong current password');
    }
    // The right current password is no guess: a weak new one must not use up an attempt.
    this.perUser.refund(key);
    assertStrongPassword(newPassword, { username: session.staff.username, currentPassword });
    const passwordHash = await hashPassword(newPassword);
    const staff = this.repos.staff.get(session.staff.id);
    if (!staff?.active) throw new DomainError('unauthenticated', 'Account no longer active');
    this.runner.run({ scope: 'auth:password-change', request: null }, (context) => {
      this.repos.staff.setPassword(staff.id, passwordHash, false);
      context.audit('auth.password_change', {
        staffId: staff.id,
        username: staff.username,
        ip: client.ip,
      });
      const ended = this.repos.staff.revokeSessionsOf(staff.id, context.at, session.sessionId);
      context.endAccess({ kind: 'sessions-ended', sessionIds: ended, reason: 'revoked' });
    });
    this.perUser.reset(key);
    return toStaffUser({ ...staff, passwordHash, mustChangePassword: false });
  }
}
