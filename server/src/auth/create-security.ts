import type { Clock } from '../services/clock';
import type { Repos } from '../storage/repos';
import { AuditTrail } from './audit-trail';
import type { AuthService } from './auth-service';
import { DeviceService } from './device-service';
import { StaffAdmin, type CounterReleaser } from './staff-admin';

/** The security use cases beside `AuthService`: accounts and sessions, devices, the audit trail. */
export interface Security {
  staff: StaffAdmin;
  devices: DeviceService;
  audit: AuditTrail;
}

/** Builds them over the repos; ended access is announced on `auth.events`. */
export function createSecurity(
  repos: Repos,
  clock: Clock,
  services: { auth: AuthService; counters: CounterReleaser },
): Security {
  return {
    staff: new StaffAdmin(repos, clock, services.auth.events, services.counters, services.auth),
    devices: new DeviceService(repos, clock, services.auth.events),
    audit: new AuditTrail(repos, clock),
  };
}
