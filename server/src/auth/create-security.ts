import type { Clock } from '../services/core/clock';
import type { CommandRunner } from '../services/core/command-runner';
import type { Repos } from '../storage/repos';
import { AuditTrail } from './audit-trail';
import type { AuthService } from './auth-service';
import { DeviceService } from './device-service';
import { AuditedCounterSignOut, type CounterSigner } from './forced-sign-out';
import { StaffAdmin, type CounterReleaser } from './staff-admin';

/**
 * The security use cases beside `AuthService`: accounts and sessions, devices, the
 * audit trail, and counter sign-out with its audit row.
 */
export interface Security {
  staff: StaffAdmin;
  devices: DeviceService;
  audit: AuditTrail;
  counterSignOut: AuditedCounterSignOut;
}

/** Builds them over the repos; ended access is announced on `auth.events`. */
export function createSecurity(
  repos: Repos,
  clock: Clock,
  services: {
    auth: AuthService;
    counters: CounterReleaser & CounterSigner;
    runner: CommandRunner;
  },
): Security {
  const audit = new AuditTrail(repos, clock);
  return {
    staff: new StaffAdmin(repos, clock, {
      events: services.auth.events,
      counters: services.counters,
      signIns: services.auth,
      runner: services.runner,
    }),
    devices: new DeviceService(repos, clock, services.auth.events),
    audit,
    counterSignOut: new AuditedCounterSignOut(repos, services.runner, services.counters, audit),
  };
}
