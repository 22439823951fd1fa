import type { MonitorToday } from '../../contract/monitor';
import type { MonitorService } from '../../services/admin/monitor-service';
import { route, type ApiRoute } from '../route-table';

/** The supervisors' live monitor: today's figures (counters and printers come by socket). */
export function monitorRoutes(monitor: MonitorService): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/monitor/today',
      permission: 'monitor:read',
      handler: ({ res }) => {
        const body: MonitorToday = monitor.today();
        res.json(body);
      },
    }),
  ];
}
