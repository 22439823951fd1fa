import type { Clock } from '../../services/core/clock';
import type { Services } from '../../services/create-services';
import { requireKioskAccess } from '../kiosk-access';
import { limitPublicReads } from '../public-read-limit';
import type { ApiRoute } from '../route-table';
import { auditRoutes } from './audit-routes';
import { authRoutes } from './auth-routes';
import { backupRoutes } from './backup-routes';
import { configRoutes } from './config-routes';
import { counterRoutes } from './counter-routes';
import { deviceRoutes } from './device-routes';
import { monitorRoutes } from './monitor-routes';
import { printRoutes } from './print-routes';
import { queueRoutes } from './queue-routes';
import { reportRoutes } from './report-routes';
import { serviceGroupRoutes } from './service-group-routes';
import { serviceRoutes } from './service-routes';
import { settingsRoutes } from './settings-routes';
import { staffRoutes } from './staff-routes';
import { ticketRoutes } from './ticket-routes';

/**
 * Every API endpoint, in the order Express tries them: the one route table that
 * app.ts mounts and that the tests check docs/api.md and docs/security.md against.
 */
export function apiRoutes(services: Services, clock: Clock): ApiRoute[] {
  return [
    ...queueRoutes(services, {
      kioskAccess: requireKioskAccess({ settings: services.settings, clock }),
      publicReads: limitPublicReads({ clock }),
    }),
    ...authRoutes(services.auth),
    ...counterRoutes(services),
    ...ticketRoutes(services),
    ...printRoutes(services.printing, services.printerAdmin),
    ...settingsRoutes(services),
    ...configRoutes(services, clock),
    ...serviceRoutes(services),
    ...serviceGroupRoutes(services),
    ...staffRoutes(services.staff),
    ...deviceRoutes(services.devices, () => services.monitor.onlineDeviceIds()),
    ...auditRoutes(services.audit),
    ...backupRoutes(services.backups),
    ...monitorRoutes(services.monitor),
    ...reportRoutes(services.reports),
  ];
}
