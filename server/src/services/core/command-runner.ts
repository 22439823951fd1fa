import { createHash } from 'node:crypto';
import type { AuditAction, AuditWho } from '../../auth/audit-trail';
import type { FeedEnvelope, FeedEventName, FeedPayloads } from '../../contract/events';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { Clock } from './clock';
import { toEnvelope } from './feed-service';

/** Receives committed events; the realtime broadcaster is the one in production. */
export interface EventPublisher {
  publish(events: readonly FeedEnvelope[]): void;
}

/** What a command body gets: the instant it runs at, and a way to record events. */
export interface CommandContext {
  at: number;
  emit<K extends FeedEventName>(type: K, payload: Omit<FeedPayloads[K], 'seq' | 'at'>): void;
  /** Writes an audit row in the command's transaction, stamped with the command's instant. */
  audit(
    action: AuditAction,
    who: AuditWho,
    target?: string | null,
    details?: Record<string, unknown>,
  ): void;
  /**
   * Runs `notify` once the outermost command has committed, after its events are
   * published; never when it rolls back. For news that is not a feed event (sessions
   * ended, access revoked) and must not leave before the change is stored either.
   */
  afterCommit(notify: () => void): void;
}

/** What the commands running as one transaction collect until it commits. */
interface OpenCommand {
  events: FeedEnvelope[];
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
    const collected: OpenCommand = { events: [], notices: [] };
    this.open = collected;
    let outcome: CommandResult<T>;
    try {
      const command = () => this.execute(options, requestHash, body);
      // Nested, better-sqlite3's transaction function is a savepoint, released on success
      // and rolled back when the inner command throws.
      outcome = outer
        ? this.repos.db.raw.transaction(command)()
        : this.repos.db.transaction(command);
    } finally {
      this.open = outer;
    }
    if (outer) {
      outer.events.push(...collected.events);
      outer.notices.push(...collected.notices);
      return outcome;
    }
    if (collected.events.length > 0) this.publisher.publish(collected.events);
    for (const notify of collected.notices) notify();
    return outcome;
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
