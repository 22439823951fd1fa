import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../contract/events';
import type { FeedService } from '../services/core/feed-service';
import type { PrintService } from '../services/printing/print-service';
import { sendSnapshot } from './broadcaster';
import { registerPrintAgentHandler } from './print-agent-handler';
import type { QueueReader } from '../services/queue/queue-reader';
import { allowSameOriginRequest, installSocketAuth, type SocketAuthDeps } from './socket-auth';
import { audienceOf } from './rooms';
import type { Clock } from '../services/core/clock';
import { DEFAULT_REALTIME_OPTIONS, type RealtimeOptions } from './realtime-options';
import { SendBacklog } from './send-backlog';
import { SyncBudget } from './sync-budget';
import { registerSyncHandler } from './sync-handler';

/** What the socket layer needs. */
export interface SocketDeps {
  reader: QueueReader;
  feed: FeedService;
  logger: Logger;
  access: SocketAuthDeps;
  printing: PrintService;
  clock: Clock;
  /** Heartbeat and flood limits; the defaults where left out. */
  options?: Partial<RealtimeOptions>;
}

/**
 * Attaches Socket.IO to the HTTP server: a snapshot on connect, then the feed. A silent
 * peer is dropped after pingInterval + pingTimeout; so is one that stops reading.
 */
export function createSocketServer(
  httpServer: HttpServer,
  deps: SocketDeps,
): Server<ClientEvents, ServerEvents> {
  const options = { ...DEFAULT_REALTIME_OPTIONS, ...deps.options };
  const io = new Server<ClientEvents, ServerEvents>(httpServer, {
    serveClient: false,
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: allowSameOriginRequest,
  });
  installSocketAuth(io, deps.access);
  const budget = new SyncBudget(deps.clock, options);
  io.on('connection', (socket) => {
    // Watching starts before the snapshot, the first large thing a socket is sent.
    const backlog = new SendBacklog(socket, options.maxUnsentBytes, (unsentBytes) =>
      deps.logger.warn({ socketId: socket.id, unsentBytes }, 'socket stopped reading; dropped'),
    );
    socket.once('disconnect', budget.watch(backlog));
    sendSnapshot(socket, deps.reader.snapshot(audienceOf(socket)));
    registerSyncHandler(socket, { ...deps, ...options, backlog, budget });
    registerPrintAgentHandler(socket, deps);
  });
  return io;
}
