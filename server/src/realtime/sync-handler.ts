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
import { DomainError } from '../domain/errors';
import { publicView } from '../services/public-view';
import { seesStaffFields } from './rooms';
import type { SocketDeps } from './socket-server';

/**
 * `sync {sinceSeq}`: answers with the missed events in order, or a snapshot; without the
 * staff-only ticket fields unless the socket is staff's.
 */
export function registerSyncHandler(
  socket: Socket<ClientEvents, ServerEvents>,
  deps: SocketDeps,
): void {
  socket.on(CLIENT_EVENTS.sync, (request: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Ack<SyncResult>) => void;
    try {
      const parsed = syncSchema.safeParse(request);
      if (!parsed.success) throw new DomainError('validation_failed', 'sync needs { sinceSeq }');
      const result = deps.feed.sync(parsed.data.sinceSeq);
      reply({ data: seesStaffFields(socket) ? result : publicView(result) });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal_error';
      if (code === 'internal_error') deps.logger.error({ err: error }, 'sync failed');
      reply({ error: { code, message: translate('vi', errorMessageKey(code)) } });
    }
  });
}
