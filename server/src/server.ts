import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { loadFonts } from '../../printers';
import { createApplication, type Application } from './app';
import { ensureAdmin } from './auth/first-admin';
import type { Config } from './config';
import type { Clock } from './services/core/clock';
import { readTicketLogo } from './services/printing/ticket-logo';
import { closeReportExports } from './services/reports/report-export';
import { readCentreLogo } from './services/admin/centre-logo';
import { seedDemoCentre } from './storage/demo-centre';
import type { PrintingOptions } from './services/printing/print-worker';
import type { BackupOptions } from './services/admin/backup-service';
import type { RealtimeOptions } from './realtime/realtime-options';
import { openDatabase } from './storage/database';
import { migrate } from './storage/migrate';
import { WalCheckpointer } from './storage/wal-checkpointer';

/** How often the server checks whether the service day has ended. */
export const ROLL_OVER_INTERVAL_MS = 60_000;

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  application: Application;
  /** The HTTP server the app and Socket.IO listen on (benchmarks time requests on it). */
  httpServer: http.Server;
  /** The first admin's credentials when this start created the account. */
  createdAdmin: { username: string; password: string; generated: boolean } | null;
  /** Closes sockets, the HTTP server and the database, in that order. */
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates it before anything listens, seeds the demo
 * centre and the first admin, builds the app and listens.
 */
export async function startServer(
  config: Config,
  options: {
    clock: Clock;
    logger?: Logger;
    uiDir?: string;
    printing?: Partial<PrintingOptions>;
    realtime?: Partial<RealtimeOptions>;
    /** Backup schedule and free-space floor; retention comes from the config. */
    backups?: Partial<BackupOptions>;
  },
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  // A ticket printed with a missing or non-Vietnamese font would come out as boxes: refuse to start.
  loadFonts();
  const ticketLogo =
    config.ticketLogo === undefined ? undefined : readTicketLogo(config.ticketLogo);
  const db = openDatabase(config.databaseFile);
  try {
    const applied = migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    // Known once listening, unless LUOT_PUBLIC_URL names it.
    let publicUrl = config.publicUrl ?? 'http://localhost:8080';
    const application = createApplication({
      publicUrl: () => publicUrl,
      ...(options.printing !== undefined && { printing: options.printing }),
      ...(options.realtime !== undefined && { realtime: options.realtime }),
      db,
      clock: options.clock,
      logger,
      timeZone: config.timeZone,
      backups: { keep: config.backupKeep, ...options.backups },
      voiceDir: path.join(config.dataDir, 'voice'),
      centreName: config.centreName,
      ...(ticketLogo !== undefined && { ticketLogo }),
      ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
    });
    if (config.seedDemo && seedDemoCentre(application.repos, config.demoSize))
      logger.info({ size: config.demoSize }, 'demo centre seeded');
    if (config.centreLogo !== undefined && application.logo.seed(readCentreLogo(config.centreLogo)))
      logger.info('centre logo seeded from LUOT_CENTRE_LOGO');
    const createdAdmin = await ensureAdmin(
      application.repos,
      application.runner,
      config.adminPassword,
    );
    const expired = application.dayEnd.rollOver();
    if (expired > 0) logger.info({ expired }, 'tickets of earlier days expired');
    const freed = application.counters.releaseAbandoned(options.clock.now());
    if (freed > 0) logger.info({ freed }, 'counters of expired sessions freed');

    const httpServer = http.createServer(application.app);
    const io = application.attach(httpServer);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    // Day end: expire yesterday's open tickets soon after midnight even when nobody acts;
    // free the counters of clerks whose session expired.
    const rollOverTimer = setInterval(() => {
      try {
        application.dayEnd.rollOver();
        application.counters.releaseAbandoned(options.clock.now());
      } catch (error) {
        logger.error({ err: error }, 'day roll-over failed');
      }
    }, ROLL_OVER_INTERVAL_MS);
    rollOverTimer.unref();
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    publicUrl = config.publicUrl ?? defaultPublicUrl(config.host, port);
    application.printWorker.start();
    application.backupSchedule.start();
    application.availability.start();
    // Packs of closed days not built yet (first start, after an upgrade or a zone change),
    // in the reports' queue (in the report thread), so the first report is fast.
    application.reports
      .buildMissingPacks()
      .catch((error: unknown) => logger.warn({ err: error }, 'report packs not built'));
    // The WAL's pages go into the file from a thread of its own, never in a commit here.
    const checkpointer =
      db.file === ':memory:'
        ? null
        : new WalCheckpointer(db, {
            onFailure: (message, givenUp) =>
              logger.warn({ err: message, givenUp }, 'WAL checkpoint thread failed'),
          });
    let stopped: Promise<void> | null = null;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      application,
      httpServer,
      createdAdmin,
      stop() {
        clearInterval(rollOverTimer);
        application.availability.stop();
        // A backup being written finishes before the database closes under it.
        stopped ??= Promise.all([
          application.printWorker.stop(),
          application.backupSchedule.stop(),
          application.reports.close(),
          checkpointer?.close(),
          // The export thread is shared by the process: a later export starts a new one.
          closeReportExports(),
        ]).then(
          () =>
            new Promise<void>((resolve) => {
              io.close(() => {
                db.close();
                resolve();
              });
              httpServer.closeAllConnections();
            }),
        );
        return stopped;
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Where visitors' phones reach this server when LUOT_PUBLIC_URL is not set: the host it
 * listens on, or for a wildcard address the machine's first LAN IPv4 address.
 */
export function defaultPublicUrl(host: string, port: number): string {
  if (host !== '0.0.0.0' && host !== '::') {
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal);
  return `http://${lan?.address ?? 'localhost'}:${port}`;
}
