import express, { type Express } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Server as IoServer } from 'socket.io';
import { AuthService } from './auth/auth-service';
import type { ClientEvents, ServerEvents } from './contract/events';
import { errorHandler, languageOf, sendError } from './http/errors';
import { pageRoutes } from './http/pages';
import { authRoutes } from './http/routes/auth-routes';
import { counterRoutes } from './http/routes/counter-routes';
import { queueRoutes } from './http/routes/queue-routes';
import { sameOriginOnly } from './http/same-origin';
import { Broadcaster, DeferredPublisher } from './realtime/broadcaster';
import { createSocketServer } from './realtime/socket-server';
import type { Clock } from './services/clock';
import { CommandRunner } from './services/command-runner';
import { CounterService } from './services/counter-service';
import { FeedService } from './services/feed-service';
import { QueueReader } from './services/queue-reader';
import { SettingsService } from './services/settings-service';
import { QueueService, type TokenFactory } from './services/queue-service';
import type { Database } from './storage/database';
import { createRepos, type Repos } from './storage/repos';

/** The parts the application is built from; nothing here opens a port. */
export interface AppComponents {
  db: Database;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  /** Overrides the centre name admins store (LUOT_CENTRE_NAME). */
  centreName?: string | undefined;
  /** Folder of the built UIs; defaults to dist/ui. */
  uiDir?: string;
  newToken?: TokenFactory;
}

/** The built application: the Express app, its use cases, and a way to attach sockets. */
export interface Application {
  app: Express;
  repos: Repos;
  auth: AuthService;
  queue: QueueService;
  counters: CounterService;
  reader: QueueReader;
  settings: SettingsService;
  /** Attaches Socket.IO to an HTTP server; from then on committed events are broadcast. */
  attach(httpServer: HttpServer): IoServer<ClientEvents, ServerEvents>;
}

/** Wires storage, services, HTTP routes and realtime together. Never listens. */
export function createApplication(components: AppComponents): Application {
  const { db, clock, logger } = components;
  const repos = createRepos(db);
  const publisher = new DeferredPublisher();
  const runner = new CommandRunner(repos, clock, publisher);
  const settings = new SettingsService(repos, runner, { centreName: components.centreName });
  const reader = new QueueReader(repos, settings);
  const queue = new QueueService(
    repos,
    reader,
    runner,
    { timeZone: components.timeZone },
    components.newToken,
  );
  const counters = new CounterService(repos, reader, runner);
  const feed = new FeedService(repos, reader);
  const auth = new AuthService(repos, clock);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '16kb' }));
  app.use('/api', sameOriginOnly());
  app.use('/api', queueRoutes(queue, reader));
  app.use('/api', authRoutes(auth, counters));
  app.use('/api', counterRoutes(auth, queue, counters, reader));
  app.use('/api', (req, res) =>
    sendError(res, 'not_found', languageOf(req.get('accept-language'))),
  );
  app.use(pageRoutes(() => settings.current().centreName, components.uiDir));
  app.use(errorHandler(logger));

  return {
    app,
    repos,
    auth,
    queue,
    counters,
    reader,
    settings,
    attach(httpServer) {
      const io = createSocketServer(httpServer, { reader, feed, logger });
      publisher.attach(new Broadcaster(io));
      return io;
    },
  };
}
