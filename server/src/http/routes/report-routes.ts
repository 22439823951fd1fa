import { reportQuerySchema } from '../../contract/report-schemas';
import { DomainError } from '../../domain/errors';
import type { ReportService } from '../../services/reports/report-service';
import { route, type ApiRoute } from '../route-table';

/**
 * Seconds a refused report (`429 report_busy`, `503 reports_unavailable`) should wait before
 * asking again (`Retry-After`): about the time the queue ahead of it takes.
 */
export const REPORT_RETRY_AFTER_S = 3;

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
        // A centre's figures: never kept by a browser or a proxy.
        res.setHeader('Cache-Control', 'no-store');
        // A client that hangs up before its turn leaves the reports' queue.
        const hungUp = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) hungUp.abort();
        });
        try {
          if (format === 'json') {
            // Sent as the report thread wrote it: `res.send` would hash a decade by day (≈3 MB)
            // for an ETag on the main thread, and a report is never asked for twice unchanged.
            const json = await reports.summaryJson(query, hungUp.signal);
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Content-Length', json.byteLength);
            res.end(json);
            return;
          }
          const file = await reports.export(query, format, hungUp.signal);
          res.setHeader('Content-Type', file.contentType);
          res.setHeader(
            'Content-Disposition',
            `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          );
          res.send(file.body);
        } catch (error) {
          const retry =
            error instanceof DomainError &&
            (error.code === 'report_busy' || error.code === 'reports_unavailable');
          if (retry) res.setHeader('Retry-After', String(REPORT_RETRY_AFTER_S));
          throw error;
        }
      },
    }),
  ];
}
