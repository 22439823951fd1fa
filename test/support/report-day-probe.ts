import { ReportService } from '../../server/src/services/reports/report-service';
import { buildReportFixture, REPORT_FROM, REPORT_TO } from './report-fixture';

/**
 * Run as a child process under a given `TZ` (report-time-zone.test.ts): builds the report
 * fixture and prints, as JSON, the machine's UTC offset and the tickets issued per day
 * and per hour, read live and then from packs.
 */
async function probe(): Promise<void> {
  const f = buildReportFixture();
  const reports = new ReportService(f.repos, f.services.settings, f.clock, { thread: false });
  const perDay = async () =>
    (await reports.summary({ from: REPORT_FROM, to: REPORT_TO, groupBy: 'day' })).rows.map(
      (row) => [row.key, row.issued],
    );
  const hours = await reports.summary({ from: REPORT_FROM, to: REPORT_TO, groupBy: 'hour' });
  const out = {
    offsetMinutes: new Date(Date.UTC(2026, 2, 2)).getTimezoneOffset(),
    days: await perDay(),
    daysFromPacks: await perDay(),
    hours: hours.rows.filter((row) => row.issued > 0).map((row) => [row.key, row.issued]),
  };
  await reports.close();
  f.close();
  process.stdout.write(JSON.stringify(out));
}

void probe();
