import express, { type Express } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Server as IoServer } from 'socket.io';
import type { ClientEvents, ServerEvents } from './contract/events';
import { errorHandler, languageOf, sendError } from './http/errors';
import { jsonBody } from './http/json-body';
import { countLiveRequests } from './http/live-requests';
import { pageRoutes } from './http/pages';
import { identify } from './http/permission';
import { apiRoutes } from './http/routes/api-routes';
import { ratingAdmission } from './http/routes/ticket-routes';
import { mountRoutes, type ApiRoute } from './http/route-table';
import { sameOriginOnly } from './http/same-origin';
import { securityHeaders } from './http/security-headers';
import { voiceFileRoutes } from './http/voice-files';
import { Broadcaster, DeferredPrintNotifier, DeferredPublisher } from './realtime/broadcaster';
import { connectedDeviceIds } from './realtime/device-presence';
import { createSocketServer } from './realtime/socket-server';
import type { RealtimeOptions } from './realtime/realtime-options';
import type { Clock } from './services/core/clock';
import { createServices, type Services } from './services/create-services';
import type { HealthOptions } from './services/admin/health-service';
import type { BackupOptions } from './services/admin/backup-service';
import type { PrintingOptions } from './services/printing/print-worker';
import type { TokenFactory } from './services/queue/ticket-issuer';
import type { Database } from './storage/database';
import { createRepos, type Repos } from './storage/repos';

/** The parts the application is built from; nothing here opens a port. */
export interface AppComponents {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The time zone the deployment fixes (LUOT_TIME_ZONE); else the centre's setting. */
  timeZone?: string | undefined;
  /** Overrides the centre name admins store (LUOT_CENTRE_NAME). */
  centreName?: string | undefined;
  /** Folder of the built UIs; defaults to dist/ui. */
  uiDir?: string;
  /** A centre's own call clips, overriding the defaults ($LUOT_DATA_DIR/voice). */
  voiceDir?: string | undefined;
  newToken?: TokenFactory;
  /** The base URL printed in tickets' QR codes (LUOT_PUBLIC_URL or the listening address). */
  publicUrl?: () => string;
  /** Print queue retries and timeouts; tests shrink them. */
  printing?: Partial<PrintingOptions>;
  /** The centre's logo printed on tickets (PNG bytes, LUOT_TICKET_LOGO). */
  ticketLogo?: Uint8Array;
  /** Health check pacing and free-space floor; tests shrink them. */
  health?: Partial<HealthOptions>;
  /** Backup retention, schedule and free-space floor; tests shrink them. */
  backups?: Partial<BackupOptions>;
  /** Socket heartbeat and flood limits; tests shrink them. */
  realtime?: Partial<RealtimeOptions>;
}

/** The built application: the Express app, its use cases, and a way to attach sockets. */
export interface Application extends Services {
  app: Express;
  repos: Repos;
  /** Every API endpoint as declared (http/routes/api-routes.ts), in mounting order. */
  routes: readonly ApiRoute[];
  /** Attaches Socket.IO to an HTTP server; from then on committed events are broadcast. */
  attach(httpServer: HttpServer): IoServer<ClientEvents, ServerEvents>;
}

/** Wires storage, services, HTTP routes and realtime together. Never listens. */
export function createApplication(components: AppComponents): Application {
  const { db, clock, logger } = components;
  const repos = createRepos(db);
  const publisher = new DeferredPublisher();
  const printNotifier = new DeferredPrintNotifier();
  const services = createServices(repos, clock, publisher, {
    ...components,
    printNotifier,
    publicUrl: components.publicUrl ?? (() => 'http://localhost:8080'),
  });

  const routes = apiRoutes(services, clock);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  // Rate limits that count a request whatever its body is, taken before it is parsed.
  app.use(ratingAdmission(services));
  app.use(jsonBody());
  app.use(countLiveRequests(services.reports.liveWork));
  app.use('/api', sameOriginOnly());
  app.use('/api', identify(services.auth, services.devices));
  app.use(mountRoutes(routes));
  app.use('/api', (req, res) =>
    sendError(res, 'not_found', languageOf(req.get('accept-language'))),
  );
  app.use(voiceFileRoutes({ overrideDir: components.voiceDir }));
  app.use(pageRoutes(() => services.settings.current().centreName, components.uiDir));
  app.use(errorHandler(logger));

  return {
    ...services,
    app,
    repos,
    routes,
    attach(httpServer) {
      const io = createSocketServer(httpServer, {
        reader: services.reader,
        feed: services.feed,
        logger,
        access: { auth: services.auth, devices: services.devices },
        printing: services.printing,
        clock,
        ...(components.realtime !== undefined && { options: components.realtime }),
      });
      services.monitor.presence.attach(() => connectedDeviceIds(io));
      const broadcaster = new Broadcaster(io);
      publisher.attach(broadcaster);
      printNotifier.attach(broadcaster);
      return io;
    },
  };
}
