import { useEffect, useMemo, useState } from 'react';
import type { CatalogueResponse, Language } from '@luot/contract';
import { formatTime } from '@luot/ui-shared/format';
import { serverNow } from '@luot/ui-shared/server-time';
import { useI18n } from '@luot/ui-shared/use-i18n';
import {
  REPORT_FIRST_DAY,
  REPORT_LAST_DAY,
  REPORT_MAX_DAYS,
  type ReportSummary,
} from '../../../server/src/contract/reports';
import { ErrorAlert, useResource } from '../form';
import { ReportCharts } from './ReportCharts';
import { ReportDownloads } from './ReportDownloads';
import { ReportFilters } from './ReportFilters';
import { ReportTable } from './ReportTable';
import {
  formatCount,
  formatDay,
  formatMinutes,
  formatShare,
  type Translate,
} from './report-format';
import {
  choiceFromSearch,
  isDay,
  rangeOf,
  rangeProblem,
  searchOf,
  type ReportChoice,
  type SummaryQuery,
} from './report-period';
import { useCentreZone, useReportSet, useSettled } from './use-report';
import './reports.css';

/**
 * The reports page (`/admin/reports`, supervisors and admins): a period of service days in
 * the centre's zone, grouped one way and filtered, as figures, charts, a table and the
 * same report to download. The choice lives in the address, so a report can be bookmarked.
 */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const [choice, setChoice] = useState<ReportChoice>(() => choiceFromSearch(location.search));
  const { timeZone, error: zoneError } = useCentreZone();
  const catalogue = useResource<CatalogueResponse>('/api/catalogue');

  useEffect(() => {
    history.replaceState(history.state, '', `${location.pathname}${searchOf(choice)}`);
  }, [choice]);

  const range = useMemo(
    () => (timeZone ? rangeOf(choice, serverNow().getTime(), timeZone) : null),
    [choice, timeZone],
  );
  const problem = range ? rangeProblem(range) : null;
  const { groupBy, serviceId, counterId } = choice;
  const query = useMemo<SummaryQuery | null>(
    () => (range && !problem ? { ...range, groupBy, serviceId, counterId } : null),
    [range, problem, groupBy, serviceId, counterId],
  );
  // Asked once the choice stays put; meanwhile the page reads as loading.
  const settled = useSettled(query);
  const { loading: asking, reports, error } = useReportSet(settled);
  const loading = asking || settled !== query;
  const main = reports?.main;
  const empty = main !== undefined && main.total.issued === 0 && main.rows.length === 0;

  return (
    <div
      className="reports"
      data-testid="reports"
      data-state={loading ? 'loading' : error !== undefined ? 'failed' : 'ready'}
      aria-busy={loading}
    >
      <div className="reports-head">
        <div>
          <h2>{t('admin.reports.title')}</h2>
          {range && isDay(range.from) && isDay(range.to) && (
            <p className="reports-range" data-testid="report-range">
              {t('admin.reports.range', { from: formatDay(range.from), to: formatDay(range.to) })}
              {main && !loading && ` · ${generatedLine(main, t, lang)}`}
            </p>
          )}
        </div>
        {query && <ReportDownloads query={query} />}
      </div>
      <ReportFilters
        choice={choice}
        range={range}
        catalogue={catalogue.data}
        onChange={setChoice}
      />
      <ErrorAlert error={zoneError ?? catalogue.error} testId="report-setup-error" />
      {problem && (
        <p className="error-box" role="alert" data-testid="report-range-problem">
          {t(`admin.reports.rangeProblem.${problem}`, {
            days: formatCount(REPORT_MAX_DAYS, lang),
            from: formatDay(REPORT_FIRST_DAY),
            to: formatDay(REPORT_LAST_DAY),
          })}
        </p>
      )}
      <ErrorAlert error={error} testId="report-error" />
      {loading && !reports && <div className="loading">{t('app.loading')}</div>}
      {reports && empty && (
        <div className="reports-empty" role="status" data-testid="report-empty">
          <p>{t('admin.reports.empty')}</p>
          <p className="reports-empty-hint">{t('admin.reports.emptyHint')}</p>
        </div>
      )}
      {reports && main && !empty && (
        <div className={loading ? 'reports-body is-stale' : 'reports-body'}>
          <Figures summary={main} />
          <ReportCharts reports={reports} />
          <section className="reports-table" aria-labelledby="report-table-title">
            <h3 id="report-table-title">{t('admin.reports.table.title')}</h3>
            <ReportTable summary={main} />
          </section>
        </div>
      )}
    </div>
  );
}

/** "Số liệu lúc 16:05 · múi giờ Asia/Ho_Chi_Minh". */
function generatedLine(summary: ReportSummary, t: Translate, lang: Language): string {
  return t('admin.reports.generatedAt', {
    time: formatTime(summary.generatedAt, lang),
    zone: summary.centre.timeZone,
  });
}

/** The period's key figures, from the total row. */
function Figures({ summary }: { summary: ReportSummary }) {
  const { t, lang } = useI18n();
  const { total } = summary;
  const figures = [
    { id: 'issued', label: t('admin.reports.kpi.issued'), value: formatCount(total.issued, lang) },
    { id: 'served', label: t('admin.reports.kpi.served'), value: formatCount(total.served, lang) },
    {
      id: 'meanWait',
      label: t('admin.reports.kpi.meanWait'),
      value: formatMinutes(total.waitMinutes.mean, lang, t),
    },
    {
      id: 'withinTarget',
      label: t('admin.reports.kpi.withinTarget'),
      value: formatShare(total.withinTargetShare, lang, t),
    },
    {
      id: 'satisfied',
      label: t('admin.reports.kpi.satisfied'),
      value: formatShare(total.satisfiedShare, lang, t),
      note: t('admin.reports.kpi.ratedOf', { rated: formatCount(total.ratings, lang) }),
    },
  ];
  return (
    <dl className="report-figures">
      {figures.map((figure) => (
        <div key={figure.id} className="report-figure-kpi" data-testid={`report-kpi-${figure.id}`}>
          <dt>{figure.label}</dt>
          <dd>
            {figure.value}
            {figure.note && <small>{figure.note}</small>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
