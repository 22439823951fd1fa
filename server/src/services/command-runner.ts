import { createHash } from 'node:crypto';
import type { FeedEnvelope, FeedEventName, FeedPayloads } from '../contract/events';
import { DomainError } from '../domain/errors';
import type { Repos } from '../storage/repos';
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
 * Runs a command as one SQLite transaction: the change, its events and its
 * idempotency record commit together or not at all. Events reach the
 * publisher only after the commit.
 */
export class CommandRunner {
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
    const pending: FeedEnvelope[] = [];
    const at = this.clock.now();
    const outcome = this.repos.db.transaction((): CommandResult<T> => {
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
      const value = body({
        at,
        emit: (type, payload) => {
          const seq = this.repos.events.append(type, at, payload);
          pending.push(toEnvelope({ seq, at, type, payload }));
        },
      });
      if (key !== undefined)
        this.repos.idempotency.save(options.scope, key, { requestHash, response: value }, at);
      return { value, replayed: false };
    });
    if (pending.length > 0) this.publisher.publish(pending);
    return outcome;
  }
}

function hashRequest(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}
