import { AuditRepo } from './audit-repo';
import { CounterRepo } from './counter-repo';
import type { Database } from './database';
import { DeviceRepo } from './device-repo';
import { EventRepo } from './event-repo';
import { HealthRepo } from './health-repo';
import { IdempotencyRepo } from './idempotency-repo';
import { LogoRepo } from './logo-repo';
import { PrintJobRepo } from './print-job-repo';
import { PrinterRepo } from './printer-repo';
import { RatingRepo } from './rating-repo';
import { ServiceGroupRepo } from './service-group-repo';
import { ServiceRepo } from './service-repo';
import { SettingsRepo } from './settings-repo';
import { SignInFailureRepo } from './sign-in-failure-repo';
import { StaffRepo } from './staff-repo';
import { TicketRepo } from './ticket-repo';

/** Every repo over one database. */
export interface Repos {
  db: Database;
  services: ServiceRepo;
  counters: CounterRepo;
  tickets: TicketRepo;
  events: EventRepo;
  staff: StaffRepo;
  idempotency: IdempotencyRepo;
  settings: SettingsRepo;
  audit: AuditRepo;
  devices: DeviceRepo;
  printers: PrinterRepo;
  printJobs: PrintJobRepo;
  health: HealthRepo;
  signInFailures: SignInFailureRepo;
  serviceGroups: ServiceGroupRepo;
  ratings: RatingRepo;
  logo: LogoRepo;
}

/** Builds the repos for a migrated database. */
export function createRepos(db: Database): Repos {
  return {
    db,
    services: new ServiceRepo(db),
    counters: new CounterRepo(db),
    tickets: new TicketRepo(db),
    events: new EventRepo(db),
    staff: new StaffRepo(db),
    idempotency: new IdempotencyRepo(db),
    settings: new SettingsRepo(db),
    audit: new AuditRepo(db),
    devices: new DeviceRepo(db),
    printers: new PrinterRepo(db),
    printJobs: new PrintJobRepo(db),
    health: new HealthRepo(db),
    signInFailures: new SignInFailureRepo(db),
    serviceGroups: new ServiceGroupRepo(db),
    ratings: new RatingRepo(db),
    logo: new LogoRepo(db),
  };
}
