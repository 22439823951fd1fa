import { reportQuerySchema } from '../../contract/report-schemas';
import type { ReportService } from '../../services/reports/report-service';
import { renderReport } from '../../services/reports/report-export';
import { route, type ApiRoute } from '../route-table';

/**
 * `GET /api/reports/summary?from=&to=[&groupBy=][&serviceId=][&counterId=][&format=]`:
 * a report over days of the centre's zone, as JSON or a CSV, XLSX or PDF download.
 */
export function reportRoutes(reports: ReportService): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/reports/summary',
      permission: 'reports:read',
      query: reportQuerySchema,
      handler: async ({ res, query: { format, ...query } }) => {
        if (format === 'json') {
          res.type('json').send(await reports.summaryJson(query));
          return;
        }
        const file = await renderReport(await reports.summary(query), format);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
        res.send(file.body);
      },
    }),
  ];
}
