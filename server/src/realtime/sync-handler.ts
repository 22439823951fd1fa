import type { Socket } from 'socket.io';
import {
  CLIENT_EVENTS,
  type Ack,
  type ClientEvents,
  type ServerEvents,
  type SyncResult,
} from '../contract/events';
import { syncSchema } from '../contract/schemas';
import { errorMessageKey, translate } from '../contract/i18n';
import type { ErrorCode } from '../contract/errors';
import { RateLimiter } from '../auth/rate-limiter';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import { audienceOf } from './rooms';
import type { SendBacklog } from './send-backlog';
import type { SyncBudget } from './sync-budget';
import type { SocketDeps } from './socket-server';

/** What the `sync` handler needs beyond the socket layer's parts. */
export interface SyncHandlerDeps extends Pick<SocketDeps, 'feed' | 'logger'> {
  clock: Clock;
  backlog: SendBacklog;
  /** Shared by all sockets: the budget of the socket's address, and the unsent-bytes bound. */
  budget: SyncBudget;
  syncLimit: number;
  syncWindowMs: number;
}

/**
 * `sync {sinceSeq}`: answers with the missed events in order, or a snapshot; without the
 * staff-only ticket fields unless the socket is staff's. A socket gets one answer at a
 * time (the next `sync` waits until the last answer has left the write buffer) and
 * `syncLimit` per `syncWindowMs`, all sockets of one address together `addressSyncLimit`,
 * and none while the server holds too many unsent bytes; beyond that the ack is
 * `rate_limited` and the screen asks again later.
 */
export function registerSyncHandler(
  socket: Socket<ClientEvents, ServerEvents>,
  deps: SyncHandlerDeps,
): void {
  const limiter = new RateLimiter(deps.clock, {
    limit: deps.syncLimit,
    windowMs: deps.syncWindowMs,
  });
  let inFlight = false;
  socket.on(CLIENT_EVENTS.sync, (request: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Ack<SyncResult>) => void;
    const refuse = (code: ErrorCode) =>
      reply({ error: { code, message: translate('vi', errorMessageKey(code)) } });
    // Taken before any work, so a burst cannot slip past while answers are being built.
    if (inFlight || !limiter.take('sync')) {
      refuse('rate_limited');
      return;
    }
    if (!deps.budget.take(socket.handshake.address)) {
      limiter.refund('sync');
      refuse('rate_limited');
      return;
    }
    inFlight = true;
    try {
      const parsed = syncSchema.safeParse(request);
      if (!parsed.success) throw new DomainError('validation_failed', 'sync needs { sinceSeq }');
      reply({ data: deps.feed.sync(parsed.data.sinceSeq, audienceOf(socket)) });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal_error';
      if (code === 'internal_error') deps.logger.error({ err: error }, 'sync failed');
      refuse(code);
    } finally {
      deps.backlog.whenFlushed(() => {
        inFlight = false;
      });
    }
  });
}
