import { useState, type MouseEvent } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { REPORT_FORMATS, type ReportFormat } from '../../../server/src/contract/reports';
import { ErrorAlert } from '../form';
import { downloadReport } from './report-fetch';
import { summaryPath, type SummaryQuery } from './report-period';

const FILE_FORMATS = REPORT_FORMATS.filter((f): f is Exclude<ReportFormat, 'json'> => f !== 'json');

/**
 * The report's download buttons. Each is a link to the file (it can be copied or opened in
 * a tab), but a click fetches the file in the page: a refusal or a failure is shown here,
 * a busy report queue is waited out, and the button says it is working meanwhile.
 */
export function ReportDownloads({ query }: { query: SummaryQuery }) {
  const { t } = useI18n();
  const [working, setWorking] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const start = (format: ReportFormat) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (working !== null) return;
    setWorking(format);
    setError(undefined);
    downloadReport(summaryPath(query, format), `bao-cao-${query.from}-${query.to}.${format}`)
      .catch((err: unknown) => setError(err))
      .finally(() => setWorking(null));
  };

  return (
    <div className="reports-downloads-box">
      <div className="reports-downloads" role="group" aria-label={t('admin.reports.downloads')}>
        {FILE_FORMATS.map((format) => (
          <a
            key={format}
            className="btn btn-secondary"
            href={summaryPath(query, format)}
            download
            onClick={start(format)}
            aria-disabled={working !== null}
            aria-busy={working === format}
            data-testid={`report-download-${format}`}
            title={t('admin.reports.downloadTitle', {
              format: t(`admin.reports.download.${format}`),
            })}
          >
            {working === format
              ? t('admin.reports.downloading')
              : t(`admin.reports.download.${format}`)}
          </a>
        ))}
      </div>
      <ErrorAlert error={error} testId="report-download-error" />
    </div>
  );
}
