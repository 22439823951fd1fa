import type {
  CreateStaffRequest,
  CreateStaffResponse,
  ResetPasswordResponse,
  SessionInfo,
  StaffAccount,
  UpdateStaffRequest,
} from '../contract/admin';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import type { CommandRunner } from '../services/core/command-runner';
import { iso } from '../services/queue/queue-views';
import type { Repos } from '../storage/repos';
import type { StaffRecord } from '../storage/staff-repo';
import { toStaffUser } from './auth-service';
import type { AuditWho } from './audit-trail';
import { assertStrongPassword, generatePassword, hashPassword } from './passwords';

/** Frees the counters a staff member holds when their access ends. */
export interface CounterReleaser {
  releaseIfSignedOut(staffId: number): void;
}

/** Forgets an account's failed sign-ins (the rate limits of AuthService). */
export interface SignInLimits {
  forgetFailedSignIns(username: string): void;
}

/** The acting admin, as the audit trail records them. */
export type AdminActor = AuditWho & { staffId: number; sessionId: number | null };

/** The admin's view of an account: the signed-in user's view and more, never the hash. */
export function toStaffAccount(record: StaffRecord, now: number): StaffAccount {
  return {
    ...toStaffUser(record),
    active: record.active,
    lockedUntil:
      record.lockedUntil !== null && record.lockedUntil > now ? iso(record.lockedUntil) : null,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

/** What StaffAdmin works with beside the repos and the clock. */
export interface StaffAdminDeps {
  counters: CounterReleaser;
  signIns: SignInLimits;
  /** Runs each change, its audit row and the counters it frees as one transaction. */
  runner: CommandRunner;
}

/**
 * Admins manage accounts and sessions. Every change is audited in the transaction that
 * makes it, with the counters it frees; sockets hear of ended access after the commit.
 */
export class StaffAdmin {
  private readonly counters: CounterReleaser;
  private readonly signIns: SignInLimits;
  private readonly runner: CommandRunner;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    deps: StaffAdminDeps,
  ) {
    this.counters = deps.counters;
    this.signIns = deps.signIns;
    this.runner = deps.runner;
  }

  list(): StaffAccount[] {
    const now = this.clock.now();
    return this.repos.staff.list().map((record) => toStaffAccount(record, now));
  }

  /** Creates an account; without a password one is generated, returned once, and must be changed. */
  async create(input: CreateStaffRequest, actor: AdminActor): Promise<CreateStaffResponse> {
    if (input.password !== undefined) assertStrongPassword(input.password, input);
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const generated = input.password === undefined;
    // No idempotency record: it would keep the generated password, which is shown once.
    const command = { scope: 'staff:create', request: null };
    const id = this.runner.run(command, (context) => {
      if (this.repos.staff.byUsername(input.username)) {
        throw new DomainError('username_taken', `Username ${input.username} is taken`);
      }
      const newId = this.repos.staff.insert(
        { ...input, passwordHash, mustChangePassword: generated },
        context.at,
      );
      context.audit('staff.create', actor, `staff:${newId}`, {
        username: input.username,
        role: input.role,
        generatedPassword: generated,
      });
      return newId;
    }).value;
    const user = this.account(id);
    return generated ? { user, password } : { user };
  }

  /**
   * Renames, changes the role, or (de)activates an account. The last active admin
   * can be neither demoted nor deactivated. Deactivating ends the account's sessions
   * and frees its counters. A retry with the same idempotency key answers the first result.
   */
  update(
    id: number,
    changes: UpdateStaffRequest,
    actor: AdminActor,
    idempotencyKey?: string,
  ): StaffAccount {
    const scope = `staff:update:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request: { id, changes } }, (context) => {
      const before = this.repos.staff.get(id);
      if (!before) throw new DomainError('not_found', `No staff ${id}`);
      const losesAdmin =
        before.role === 'admin' &&
        before.active &&
        ((changes.role !== undefined && changes.role !== 'admin') || changes.active === false);
      if (losesAdmin && this.repos.staff.countActiveByRole('admin') <= 1) {
        throw new DomainError('last_admin', 'The last active admin must stay');
      }
      this.repos.staff.update(id, changes);
      context.audit('staff.update', actor, `staff:${id}`, {
        username: before.username,
        ...diff(before, changes),
      });
      if (changes.active === false && before.active) {
        const ended = this.repos.staff.revokeSessionsOf(id, context.at);
        this.counters.releaseIfSignedOut(id);
        context.endAccess({ kind: 'sessions-ended', sessionIds: ended, reason: 'revoked' });
        context.endAccess({ kind: 'staff-deactivated', staffId: id });
      }
      return this.account(id);
    }).value;
  }

  /** Sets a generated password that must be changed, unlocks the account, ends its sessions. */
  async resetPassword(id: number, actor: AdminActor): Promise<ResetPasswordResponse> {
    if (!this.repos.staff.get(id)) throw new DomainError('not_found', `No staff ${id}`);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    this.runner.run({ scope: 'staff:password-reset', request: null }, (context) => {
      const staff = this.repos.staff.get(id);
      if (!staff) throw new DomainError('not_found', `No staff ${id}`);
      this.repos.staff.setPassword(id, passwordHash, true);
      context.audit('staff.password_reset', actor, `staff:${id}`, { username: staff.username });
      const ended = this.repos.staff.revokeSessionsOf(id, context.at);
      this.counters.releaseIfSignedOut(id);
      context.endAccess({ kind: 'sessions-ended', sessionIds: ended, reason: 'revoked' });
      this.signIns.forgetFailedSignIns(staff.username);
    });
    return { user: this.account(id), password };
  }

  /** Live sessions, newest first; `current` marks the caller's own. */
  sessions(currentSessionId: number | null): SessionInfo[] {
    return this.repos.staff.liveSessions(this.clock.now()).map((session) => ({
      id: session.id,
      staff: {
        id: session.staffId,
        username: session.username,
        displayName: session.displayName,
        role: session.role,
      },
      createdAt: new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
      ip: session.ip,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
  }

  /**
   * Revokes a live session: its next request answers 401 and its sockets are
   * disconnected. When it was the account's last session, its counters are freed.
   */
  revokeSession(sessionId: number, actor: AdminActor, idempotencyKey?: string): void {
    const scope = `session:revoke:staff:${actor.staffId}`;
    this.runner.run({ scope, idempotencyKey, request: { sessionId } }, (context) => {
      const owner = this.repos.staff.revokeSessionById(sessionId, context.at);
      if (owner === undefined) throw new DomainError('not_found', `No live session ${sessionId}`);
      context.audit('session.revoke', actor, `session:${sessionId}`, { staffId: owner });
      this.counters.releaseIfSignedOut(owner);
      context.endAccess({ kind: 'sessions-ended', sessionIds: [sessionId], reason: 'revoked' });
      return null;
    });
  }

  private account(id: number): StaffAccount {
    const record = this.repos.staff.get(id);
    if (!record) throw new DomainError('not_found', `No staff ${id}`);
    return toStaffAccount(record, this.clock.now());
  }
}

/** What an update changed, old and new, for the audit trail. */
function diff(before: StaffRecord, changes: UpdateStaffRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['displayName', 'role', 'active'] as const) {
    if (changes[key] !== undefined && changes[key] !== before[key]) {
      out[key] = { from: before[key], to: changes[key] };
    }
  }
  return out;
}
