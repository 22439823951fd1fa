import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { SERVER_EVENTS, type ClientEvents, type ServerEvents } from '../contract/events';
import type { FeedService } from '../services/feed-service';
import type { PrintService } from '../services/print-service';
import { registerPrintAgentHandler } from './print-agent-handler';
import type { QueueReader } from '../services/queue-reader';
import { allowSameOriginRequest, installSocketAuth, type SocketAuthDeps } from './socket-auth';
import { publicView } from '../services/public-view';
import { seesStaffFields } from './rooms';
import { registerSyncHandler } from './sync-handler';

/** What the socket layer needs. */
export interface SocketDeps {
  reader: QueueReader;
  feed: FeedService;
  logger: Logger;
  access: SocketAuthDeps;
  printing: PrintService;
}

/** Attaches Socket.IO to the HTTP server: a snapshot on connect, then the feed. */
export function createSocketServer(
  httpServer: HttpServer,
  deps: SocketDeps,
): Server<ClientEvents, ServerEvents> {
  const io = new Server<ClientEvents, ServerEvents>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: allowSameOriginRequest,
  });
  installSocketAuth(io, deps.access);
  io.on('connection', (socket) => {
    const snapshot = deps.reader.snapshot();
    socket.emit(SERVER_EVENTS.snapshot, seesStaffFields(socket) ? snapshot : publicView(snapshot));
    registerSyncHandler(socket, deps);
    registerPrintAgentHandler(socket, deps);
  });
  return io;
}
