import type { CounterResponse } from '../contract/http';
import type { Actor } from '../services/core/actor';
import type { CommandResult, CommandRunner } from '../services/core/command-runner';
import type { Repos } from '../storage/repos';
import type { ClientInfo } from './auth-service';

/** What signs a staff member out of a counter (the counter service). */
export interface CounterSigner {
  signOut(counterId: number, actor: Actor, idempotencyKey?: string): CommandResult<CounterResponse>;
}

/**
 * Counter sign-out as staff ask for it: when a supervisor or an admin signs someone
 * else out, `counter.force_sign_out` (who held the counter) is written in the same
 * transaction as the change, so a counter is never freed without its audit row, nor
 * audited without being freed. A replay of an earlier sign-out records nothing new.
 */
export class AuditedCounterSignOut {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly counters: CounterSigner,
  ) {}

  signOut(
    counterId: number,
    actor: Actor,
    client: ClientInfo,
    idempotencyKey?: string,
  ): CommandResult<CounterResponse> {
    const outer = { scope: 'counter:sign-out:audited', request: null };
    return this.runner.run(outer, (context) => {
      const holder = this.repos.counters.get(counterId)?.staffId ?? null;
      const result = this.counters.signOut(counterId, actor, idempotencyKey);
      const freed = holder !== null && this.repos.counters.get(counterId)?.staffId !== holder;
      if (freed && holder !== actor.staffId && !result.replayed) {
        context.audit(
          'counter.force_sign_out',
          {
            staffId: actor.staffId,
            username: this.repos.staff.get(actor.staffId)?.username ?? null,
            ip: client.ip,
          },
          `counter:${counterId}`,
          { heldBy: holder, heldByName: this.repos.staff.get(holder)?.username ?? null },
        );
      }
      return result;
    }).value;
  }
}
