import type { Clock } from '../services/core/clock';
import { normalizeUsername } from '../storage/staff-repo';

/** A name's run of failed sign-ins and the lock it caused, if any. */
export interface FailureRecord {
  failures: number;
  lockedUntil: number | null;
}

/**
 * Where the names that are accounts keep their record: the staff row, so admins see
 * the lock and it outlives a restart. Names that are no account are kept in memory.
 */
export interface AccountFailures {
  /** The account's record; undefined when no account has this (normalised) name. */
  load(name: string): FailureRecord | undefined;
  save(name: string, record: FailureRecord): void;
}

/** Consecutive failed sign-ins that lock a name, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

/** One admitted sign-in attempt. Settle it with `failed` or `succeeded`, and always `release` it. */
export interface SignInAttempt {
  /** Counts the failure (inside the transaction that audits it); true when it locked the name. */
  failed(): boolean;
  /** Clears the name's failures (inside the sign-in transaction). */
  succeeded(): void;
  /** Gives the attempt's place back; once settled or abandoned. Safe to call twice. */
  release(): void;
}

/** Past this many remembered unknown names, stale ones are swept so memory stays bounded. */
const SWEEP_AT = 10_000;

interface UnknownName extends FailureRecord {
  lastFailureAt: number;
}

/**
 * The per-name lockout, taken before the password check. An attempt holds a place
 * from admission until it is settled, and a name admits no attempt once its failures
 * plus the attempts under way reach the limit: 120 parallel guesses let exactly as
 * many reach the hash as 5 sequential ones. Every name counts, whether or not an
 * account has it, so the answers do not tell which usernames exist.
 */
export class SignInGuard {
  private readonly underWay = new Map<string, number>();
  private readonly unknown = new Map<string, UnknownName>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: LockoutPolicy,
    private readonly accounts: AccountFailures,
  ) {}

  /**
   * Admits an attempt for the username, or returns null while the name is locked or
   * while the attempts under way would lock it should they all fail. Synchronous, so
   * the check and the reservation cannot be split by another request.
   */
  admit(username: string): SignInAttempt | null {
    const name = normalizeUsername(username);
    const record = this.current(name);
    const pending = this.underWay.get(name) ?? 0;
    if (record.lockedUntil !== null || record.failures + pending >= this.policy.maxFailures) {
      return null;
    }
    this.underWay.set(name, pending + 1);
    let released = false;
    return {
      failed: () => this.fail(name),
      succeeded: () => this.store(name, { failures: 0, lockedUntil: null }),
      release: () => {
        if (released) return;
        released = true;
        const left = (this.underWay.get(name) ?? 1) - 1;
        if (left > 0) this.underWay.set(name, left);
        else this.underWay.delete(name);
      },
    };
  }

  /** Forgets a name's failures kept in memory (the account's row is reset with its password). */
  forget(username: string): void {
    this.unknown.delete(normalizeUsername(username));
  }

  /** The name's record now: a lock that has run out counts as a clean slate. */
  private current(name: string): FailureRecord {
    const record = this.accounts.load(name) ?? this.unknown.get(name);
    if (!record) return { failures: 0, lockedUntil: null };
    if (record.lockedUntil !== null && record.lockedUntil <= this.clock.now()) {
      return { failures: 0, lockedUntil: null };
    }
    return { failures: record.failures, lockedUntil: record.lockedUntil };
  }

  private fail(name: string): boolean {
    const now = this.clock.now();
    const failures = this.current(name).failures + 1;
    const lockedUntil = failures >= this.policy.maxFailures ? now + this.policy.lockMs : null;
    this.store(name, { failures, lockedUntil });
    return lockedUntil !== null;
  }

  private store(name: string, record: FailureRecord): void {
    if (this.accounts.load(name)) return this.accounts.save(name, record);
    if (record.failures === 0 && record.lockedUntil === null) {
      this.unknown.delete(name);
      return;
    }
    this.unknown.set(name, { ...record, lastFailureAt: this.clock.now() });
    if (this.unknown.size > SWEEP_AT) this.sweep();
  }

  /**
   * Drops unknown names that are neither locked, nor under way, nor failed within a
   * lock's length. Only a flood of made-up names (thousands) reaches this.
   */
  private sweep(): void {
    const now = this.clock.now();
    for (const [name, record] of this.unknown) {
      const locked = record.lockedUntil !== null && record.lockedUntil > now;
      const recent = now - record.lastFailureAt < this.policy.lockMs;
      if (!locked && !recent && !this.underWay.has(name)) this.unknown.delete(name);
    }
  }
}
