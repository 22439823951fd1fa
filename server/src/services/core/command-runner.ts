import { createHash } from 'node:crypto';
import type { AuditAction, AuditWho } from '../../auth/audit-trail';
import type { FeedEnvelope, FeedEventName, FeedPayloads } from '../../contract/events';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import { tableCacheOf } from '../../storage/table-cache';
import type { Clock } from './clock';
import { toEnvelope } from './feed-service';

/** Why sessions ended: the user signed out, or someone (or a password change) revoked them. */
export type SessionEndReason = 'logout' | 'revoked';

/** Access a command ended, which live sockets must follow (they are not feed events). */
export type AccessEnd =
  | { kind: 'sessions-ended'; sessionIds: readonly number[]; reason: SessionEndReason }
  | { kind: 'staff-deactivated'; staffId: number }
  | { kind: 'device-revoked'; deviceId: number }
  /** A kiosk's print-agent token was replaced: its agents must show the new one. */
  | { kind: 'agent-token-replaced'; deviceId: number };

/** Receives what commands committed; the realtime broadcaster is the one in production. */
export interface EventPublisher {
  publish(events: readonly FeedEnvelope[]): void;
  /** Access that ended, after the events of the same command. */
  endAccess(ends: readonly AccessEnd[]): void;
}

/** What a command body gets: the instant it runs at, and a way to record events. */
export interface CommandContext {
  at: number;
  emit<K extends FeedEventName>(type: K, payload: Omit<FeedPayloads[K], 'seq' | 'at'>): void;
  /** Records access the command ends, handed to the publisher once it has committed. */
  endAccess(end: AccessEnd): void;
  /** Writes an audit row in the command's transaction, stamped with the command's instant. */
  audit(
    action: AuditAction,
    who: AuditWho,
    target?: string | null,
    details?: Record<string, unknown>,
  ): void;
  /**
   * Runs `notify` once the outermost command has committed, after its events and ended
   * access are published; never when it rolls back. For news that is neither (a kick for
   * the print worker, printer notices) and must not leave before the change is stored
   * either.
   */
  afterCommit(notify: () => void): void;
}

/** What the commands running as one transaction collect until it commits. */
interface OpenCommand {
  events: FeedEnvelope[];
  accessEnds: AccessEnd[];
  notices: (() => void)[];
}

/** Which idempotency slot a command uses, and the request that must match on replay. */
export interface CommandOptions {
  scope: string;
  idempotencyKey?: string | undefined;
  request: unknown;
}

/** A command's value, and whether it was replayed from an earlier identical request. */
export interface CommandResult<T> {
  value: T;
  replayed: boolean;
}

/** A command waiting for its group's transaction (`runGrouped`). */
interface QueuedCommand {
  options: CommandOptions;
  body: (context: CommandContext) => unknown;
  resolve(result: CommandResult<unknown>): void;
  reject(error: unknown): void;
}

/** Longest accepted idempotency key. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/**
 * Runs a command as one SQLite transaction: the change, its feed events, its audit
 * rows and its idempotency record commit together or not at all. Events reach the
 * publisher only after the commit. A command run from inside another (a sign-out
 * that frees the clerk's counter) runs in a savepoint of its transaction and collects
 * its own events and notices: if it fails, its writes are rolled back and its events
 * and notices dropped, even when the outer command catches the error and goes on; if it
 * succeeds they join the outer command's, to be published when that one commits, and
 * dropped with it.
 */
export class CommandRunner {
  private open: OpenCommand | null = null;
  /** Commands `runGrouped` gathered this event-loop turn, run at the next `setImmediate`. */
  private queued: QueuedCommand[] = [];

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly publisher: EventPublisher,
  ) {}

  run<T>(options: CommandOptions, body: (context: CommandContext) => T): CommandResult<T> {
    const key = options.idempotencyKey;
    if (key !== undefined && (key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_PATTERN.test(key))) {
      throw new DomainError(
        'validation_failed',
        'Idempotency-Key must be 1–200 visible ASCII characters',
      );
    }
    const requestHash = hashRequest(options.request);
    const outer = this.open;
    if (!outer && this.repos.db.raw.inTransaction) {
      // It would join that transaction, and its events and notices leave before it commits.
      throw new Error('A command was started inside a transaction that is not a command');
    }
    const collected: OpenCommand = { events: [], accessEnds: [], notices: [] };
    this.open = collected;
    // The in-memory waiting index journals the command's changes, undone if it rolls back.
    const waiting = this.repos.tickets.waiting;
    const mark = outer ? waiting.mark() : 0;
    if (!outer) waiting.begin();
    let outcome: CommandResult<T>;
    try {
      const command = () => this.execute(options, requestHash, body);
      // Nested, better-sqlite3's transaction function is a savepoint, released on success
      // and rolled back when the inner command throws.
      outcome = outer
        ? this.repos.db.raw.transaction(command)()
        : this.repos.db.transaction(command);
    } catch (error) {
      waiting.rollbackTo(mark, !outer);
      if (!outer) tableCacheOf(this.repos.db).settle();
      throw error;
    } finally {
      this.open = outer;
    }
    if (!outer) waiting.commit();
    if (!outer) tableCacheOf(this.repos.db).settle();
    if (outer) {
      outer.events.push(...collected.events);
      outer.accessEnds.push(...collected.accessEnds);
      outer.notices.push(...collected.notices);
      return outcome;
    }
    this.published(collected);
    return outcome;
  }

  /**
   * Group commit: runs the command with the others that arrive in the same event-loop turn
   * (gathered until `setImmediate`), each in a savepoint of one transaction committed once,
   * so they share the commit's fsync. Each caller gets its own result or error: a command
   * that throws rolls back its savepoint alone, its events and notices dropped; the others
   * commit. The promise settles only after the commit (or the transaction's failure, which
   * fails every command of the group: none of them was stored). Events are published after
   * the commit, in seq order. Idempotency keys are checked in each savepoint, so a key used
   * twice in one group gives one result and a replay.
   */
  runGrouped<T>(
    options: CommandOptions,
    body: (context: CommandContext) => T,
  ): Promise<CommandResult<T>> {
    return new Promise<CommandResult<T>>((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.runQueued());
      this.queued.push({
        options,
        body,
        resolve: resolve as (result: CommandResult<unknown>) => void,
        reject,
      });
    });
  }

  /** Runs the commands gathered this turn as one transaction (see `runGrouped`). */
  private runQueued(): void {
    const group = this.queued;
    this.queued = [];
    if (group.length === 1) {
      const [only] = group as [QueuedCommand];
      let result: CommandResult<unknown>;
      try {
        result = this.run(only.options, only.body);
      } catch (error) {
        only.reject(error);
        return;
      }
      only.resolve(result);
      return;
    }
    const raw = this.repos.db.raw;
    if (this.open || raw.inTransaction) {
      const error = new Error('Grouped commands were started inside a transaction');
      for (const command of group) command.reject(error);
      return;
    }
    const collected: OpenCommand = { events: [], accessEnds: [], notices: [] };
    const outcomes: (
      { ok: true; result: CommandResult<unknown> } | { ok: false; error: unknown }
    )[] = [];
    const waiting = this.repos.tickets.waiting;
    waiting.begin();
    this.open = collected;
    try {
      this.repos.db.transaction(() => {
        for (const command of group) {
          try {
            outcomes.push({ ok: true, result: this.run(command.options, command.body) });
          } catch (error) {
            // SQLite ends the whole transaction on some errors (a full disk): then nothing of
            // the group can commit, and every command fails with that error.
            if (!raw.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      waiting.rollbackTo(0, true);
      tableCacheOf(this.repos.db).settle();
      for (const command of group) command.reject(error);
      return;
    } finally {
      this.open = null;
    }
    waiting.commit();
    tableCacheOf(this.repos.db).settle();
    this.published(collected);
    group.forEach((command, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) command.resolve(outcome.result);
      else command.reject(outcome.error);
    });
  }

  /** Hands what a committed outermost command (or group) collected to the publisher. */
  private published(collected: OpenCommand): void {
    if (collected.events.length > 0) this.publisher.publish(collected.events);
    if (collected.accessEnds.length > 0) this.publisher.endAccess(collected.accessEnds);
    for (const notify of collected.notices) notify();
  }

  /** The command inside its transaction: a replay, or the body and its idempotency record. */
  private execute<T>(
    options: CommandOptions,
    requestHash: string,
    body: (context: CommandContext) => T,
  ): CommandResult<T> {
    const key = options.idempotencyKey;
    if (key !== undefined) {
      const earlier = this.repos.idempotency.find(options.scope, key);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new DomainError(
            'idempotency_mismatch',
            'Idempotency-Key was used for another request',
          );
        }
        return { value: earlier.response as T, replayed: true };
      }
    }
    const collected = this.open as OpenCommand;
    const at = this.clock.now();
    const value = body({
      at,
      emit: (type, payload) => {
        const seq = this.repos.events.append(type, at, payload);
        collected.events.push(toEnvelope({ seq, at, type, payload }));
      },
      endAccess: (end) => collected.accessEnds.push(end),
      audit: (action, who, target = null, details = {}) =>
        this.repos.audit.append({
          at,
          staffId: who.staffId,
          username: who.username,
          action,
          target,
          details,
          ip: who.ip,
        }),
      afterCommit: (notify) => collected.notices.push(notify),
    });
    if (key !== undefined)
      this.repos.idempotency.save(options.scope, key, { requestHash, response: value }, at);
    return { value, replayed: false };
  }
}

function hashRequest(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}
