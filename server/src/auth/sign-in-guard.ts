import type { Clock } from '../services/core/clock';
import { normalizeUsername } from '../storage/staff-repo';

/** A name's run of failed sign-ins and the lock it caused, if any. */
export interface FailureRecord {
  failures: number;
  lockedUntil: number | null;
}

/**
 * Where a name's record is kept: for an account, its staff row (admins see the lock);
 * for any other name, a table of its own. Both outlive a restart, so a restart does
 * not tell an account from a made-up name either.
 */
export interface FailureStore {
  /** The name's record; undefined when the store has none for this (normalised) name. */
  load(name: string): FailureRecord | undefined;
  save(name: string, record: FailureRecord): void;
}

/** The store of names that are no account: records can be forgotten and swept. */
export interface NameFailureStore extends FailureStore {
  delete(name: string): void;
  /** Drops the names not locked at `now` whose last failure came before `staleBefore`. */
  sweep(now: number, staleBefore: number): void;
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

/** Every this many failures of unknown names, stale ones are swept so the table stays small. */
const SWEEP_EVERY = 500;

/**
 * The per-name lockout, taken before the password check. An attempt holds a place
 * from admission until it is settled, and a name admits no attempt once its failures
 * plus the attempts under way reach the limit: 120 parallel guesses let exactly as
 * many reach the hash as 5 sequential ones. Every name counts, whether or not an
 * account has it, so the answers do not tell which usernames exist.
 */
export class SignInGuard {
  private readonly underWay = new Map<string, number>();
  private unknownWrites = 0;

  constructor(
    private readonly clock: Clock,
    private readonly policy: LockoutPolicy,
    private readonly accounts: FailureStore,
    private readonly others: NameFailureStore,
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

  /** Forgets the failures of a name that is no account (an account's row is reset with its password). */
  forget(username: string): void {
    this.others.delete(normalizeUsername(username));
  }

  /** The name's record now: a lock that has run out counts as a clean slate. */
  private current(name: string): FailureRecord {
    const record = this.accounts.load(name) ?? this.others.load(name);
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
      this.others.delete(name);
      return;
    }
    this.others.save(name, record);
    this.unknownWrites = (this.unknownWrites + 1) % SWEEP_EVERY;
    // Only a flood of made-up names (hundreds) reaches this: a name neither locked nor
    // failed within a lock's length has nothing left to count.
    if (this.unknownWrites === 0) {
      const now = this.clock.now();
      this.others.sweep(now, now - this.policy.lockMs);
    }
  }
}
