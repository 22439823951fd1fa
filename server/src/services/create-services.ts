import path from 'node:path';
import type { Logger } from 'pino';
import { AuditTrail } from '../auth/audit-trail';
import { AuthService } from '../auth/auth-service';
import { DeviceService } from '../auth/device-service';
import { StaffAdmin } from '../auth/staff-admin';
import type { Repos } from '../storage/repos';
import type { Clock } from './core/clock';
import { CommandRunner, type EventPublisher } from './core/command-runner';
import { CounterStaffing } from './queue/counter-staffing';
import { DayEnd } from './queue/day-end';
import { FeedService } from './core/feed-service';
import { HealthService, type HealthOptions } from './admin/health-service';
import { BackupService, type BackupOptions } from './admin/backup-service';
import { BackupScheduler } from './admin/backup-scheduler';
import { PrintService } from './printing/print-service';
import { PrinterAdmin } from './printing/printer-admin';
import {
  DEFAULT_PRINTING_OPTIONS,
  PrintWorker,
  type PrintNotifier,
  type PrintingOptions,
} from './printing/print-worker';
import { QueueReader } from './queue/queue-reader';
import { CounterDesk } from './queue/counter-desk';
import { SettingsService } from './admin/settings-service';
import { TicketIssuer, type TokenFactory } from './queue/ticket-issuer';
import { TicketMover } from './queue/ticket-mover';
import { TicketPrint } from './printing/ticket-print';
import { TicketActions } from './queue/ticket-actions';
import { TicketRating } from './queue/ticket-rating';
import { CentreLogo } from './admin/centre-logo';
import { CatalogueAdmin } from './admin/catalogue-admin';
import { emitCatalogue } from './admin/catalogue-views';
import { CatalogueCounters } from './admin/catalogue-counters';
import { CatalogueFile } from './admin/catalogue-file-import';
import { ConfigIo } from './admin/config-io';
import { MonitorService } from './admin/monitor-service';
import { ReportService } from './reports/report-service';
import { TicketTracking } from './queue/ticket-tracking';
import { AvailabilityTimer, movesBoundaries } from './queue/availability-timer';

/** Every use case, built over one set of repos: the one composition root. */
export interface Services {
  runner: CommandRunner;
  settings: SettingsService;
  reader: QueueReader;
  dayEnd: DayEnd;
  issuer: TicketIssuer;
  queue: CounterDesk;
  tickets: TicketActions;
  tracking: TicketTracking;
  /** Visitors' ratings of finished tickets. */
  ratings: TicketRating;
  /** The centre's logo for screen headers. */
  logo: CentreLogo;
  counters: CounterStaffing;
  feed: FeedService;
  auth: AuthService;
  /** Accounts and sessions, as admins manage them. */
  staff: StaffAdmin;
  devices: DeviceService;
  /** The audit trail's pages; its rows are written by the commands, in their transactions. */
  audit: AuditTrail;
  printing: PrintService;
  printerAdmin: PrinterAdmin;
  printWorker: PrintWorker;
  health: HealthService;
  /** Services and kiosk menu groups as admins edit them. */
  catalogue: CatalogueAdmin;
  /** Counters as admins set them up. */
  catalogueCounters: CatalogueCounters;
  /** The whole configuration as one JSON document, out and in. */
  configIo: ConfigIo;
  /** The service catalogue as an XLSX or CSV sheet, out and in. */
  catalogueFile: CatalogueFile;
  /** Online backups of the database into LUOT_DATA_DIR/backups. */
  backups: BackupService;
  /** The daily automatic backup; `server.ts` starts and stops it. */
  backupSchedule: BackupScheduler;
  /** Re-announces the services at each opening, cut-off and closing; `server.ts` starts it. */
  availability: AvailabilityTimer;
  /** The supervisors' live monitor: today's figures. */
  monitor: MonitorService;
  /** Reports over any period, from the packed daily rollup and today's live tables. */
  reports: ReportService;
}

/** Options the deployment sets. */
export interface ServiceOptions {
  /** LUOT_TIME_ZONE: fixes the centre's zone; else the admins' `timeZone` setting. */
  timeZone?: string | undefined;
  centreName?: string | undefined;
  newToken?: TokenFactory | undefined;
  /** Where print news goes (Socket.IO once attached). */
  printNotifier: PrintNotifier;
  /** The base URL printed in tickets' QR codes. */
  publicUrl(): string;
  /** The centre's logo printed on tickets (PNG bytes). */
  ticketLogo?: Uint8Array | undefined;
  printing?: Partial<PrintingOptions> | undefined;
  /** Where use cases report what they skipped (a stored setting they cannot read). */
  logger?: Logger | undefined;
  /** Health check pacing and free-space floor; tests shrink them. */
  health?: Partial<HealthOptions> | undefined;
  /** Backup retention (LUOT_BACKUP_KEEP), schedule and free-space floor; tests shrink them. */
  backups?: Partial<BackupOptions> | undefined;
}

/**
 * Builds the use cases around one command runner: every change commits its rows, its
 * events, its audit rows and its idempotency record together, and committed events go
 * and ended access go to `publisher`.
 */
export function createServices(
  repos: Repos,
  clock: Clock,
  publisher: EventPublisher,
  options: ServiceOptions,
): Services {
  // The boundary timer, built below once the runner exists; a settings or catalogue change re-arms it.
  const boundaries: { timer?: AvailabilityTimer } = {};
  const runner = new CommandRunner(repos, clock, {
    publish(events) {
      publisher.publish(events);
      if (movesBoundaries(events)) boundaries.timer?.arm();
    },
    endAccess: (ends) => publisher.endAccess(ends),
  });
  const settings = new SettingsService(
    repos,
    runner,
    { centreName: options.centreName, timeZone: options.timeZone, publicUrl: options.publicUrl },
    options.logger,
  );
  // Read at each use: an admin's change of zone applies without a restart.
  const timeZone = () => settings.timeZone();
  const reader = new QueueReader(repos, settings, clock, timeZone);
  // New hours or holidays grey out (or reopen) the services on open kiosks at once.
  settings.onAvailabilityChange((context) => emitCatalogue(context, reader));
  const mover = new TicketMover(repos, reader);
  const dayEnd = new DayEnd(repos, runner, mover, timeZone);
  const shared = { repos, reader, runner, mover, settings, dayEnd, timeZone };
  const render = new TicketPrint({
    repos,
    reader,
    settings,
    timeZone,
    publicUrl: options.publicUrl,
    logoPng: options.ticketLogo,
  });
  // The data folder is the database's folder (LUOT_DATA_DIR); spool printers write inside it.
  const spoolRoot = repos.db.file === ':memory:' ? null : path.dirname(path.resolve(repos.db.file));
  const printWorker = new PrintWorker(
    repos,
    clock,
    runner,
    render,
    options.printNotifier,
    { ...DEFAULT_PRINTING_OPTIONS, ...options.printing },
    { spoolRoot },
  );
  const printing = new PrintService({ repos, runner, clock, worker: printWorker, render });
  const printerAdmin = new PrinterAdmin({
    repos,
    runner,
    worker: printWorker,
    notifier: options.printNotifier,
    spoolRoot,
  });
  const counters = new CounterStaffing(repos, reader, runner, settings);
  const auth = new AuthService(repos, clock, { runner, counters });
  const backups = new BackupService(repos, runner, clock, options.backups, options.logger);
  const logo = new CentreLogo(repos, runner, settings);
  const availability = new AvailabilityTimer({ ...shared, clock, logger: options.logger });
  boundaries.timer = availability;
  return {
    runner,
    settings,
    reader,
    dayEnd,
    issuer: new TicketIssuer({ ...shared, newToken: options.newToken, printing }),
    queue: new CounterDesk(shared),
    tickets: new TicketActions({ ...shared, clock }),
    tracking: new TicketTracking(repos, reader, settings),
    ratings: new TicketRating({ repos, runner, settings, clock }),
    logo,
    counters,
    feed: new FeedService(repos, reader),
    auth,
    staff: new StaffAdmin(repos, clock, { counters, signIns: auth, runner }),
    devices: new DeviceService(repos, clock, runner),
    audit: new AuditTrail(repos, timeZone),
    printing,
    printerAdmin,
    printWorker,
    health: new HealthService(repos, clock, options.health, options.logger),
    catalogue: new CatalogueAdmin(repos, runner, reader),
    catalogueCounters: new CatalogueCounters(repos, runner, reader),
    configIo: new ConfigIo({ repos, runner, reader, settings, logo, clock }),
    catalogueFile: new CatalogueFile(repos, runner, reader),
    backups,
    monitor: new MonitorService(repos, settings, clock, timeZone),
    reports: new ReportService(repos, settings, clock),
    backupSchedule: new BackupScheduler(backups, clock, timeZone, options.logger),
    availability,
  };
}
