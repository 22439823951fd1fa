import { RateLimiter } from '../auth/rate-limiter';
import type { Clock } from '../services/core/clock';
import type { RealtimeOptions } from './realtime-options';
import type { SendBacklog } from './send-backlog';

/**
 * What all sockets share for `sync` answers: a budget per client address, so opening more
 * sockets does not buy more answers, and a bound on the bytes emitted to every socket but
 * not yet sent, so many slow readers together cannot hold the server's memory either.
 */
export class SyncBudget {
  private readonly perAddress: RateLimiter;
  private readonly backlogs = new Set<SendBacklog>();

  constructor(
    clock: Clock,
    private readonly options: Pick<
      RealtimeOptions,
      'addressSyncLimit' | 'syncWindowMs' | 'maxTotalUnsentBytes'
    >,
  ) {
    this.perAddress = new RateLimiter(clock, {
      limit: options.addressSyncLimit,
      windowMs: options.syncWindowMs,
    });
  }

  /** Counts a socket's unsent bytes towards the shared bound until `unwatch` is called. */
  watch(backlog: SendBacklog): () => void {
    this.backlogs.add(backlog);
    return () => this.backlogs.delete(backlog);
  }

  /** Uses one answer of the address's budget; false (nothing used) when none is left. */
  take(address: string): boolean {
    if (this.unsentBytes() > this.options.maxTotalUnsentBytes) return false;
    return this.perAddress.take(address);
  }

  /** Bytes emitted to all sockets and not yet written to the network. */
  unsentBytes(): number {
    let total = 0;
    for (const backlog of this.backlogs) total += backlog.unsentBytes();
    return total;
  }
}
