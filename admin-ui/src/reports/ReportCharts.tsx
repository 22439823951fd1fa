import { useMemo } from 'react';
import { useI18n } from '@luot/ui-shared/use-i18n';
import { ChartFigure } from './ChartFigure';
import { heatmapSpec, satisfactionSpec, trendSpec, waitsSpec } from './chart-configs';
import { estimateSpec } from './estimate-chart';
import type { ReportSet } from './use-report';

/**
 * The report's charts: arrivals by weekday and hour, the spread of waits, satisfaction by
 * counter and by clerk, the trend over the period, and the wait estimator's error by day.
 */
export function ReportCharts({ reports }: { reports: ReportSet }) {
  const { t, lang } = useI18n();
  const { main, byCounter, byClerk, trend } = reports;
  const heatmap = useMemo(() => heatmapSpec(main, t, lang), [main, t, lang]);
  const waits = useMemo(() => waitsSpec(main, t, lang), [main, t, lang]);
  const counters = useMemo(() => satisfactionSpec(byCounter, t, lang), [byCounter, t, lang]);
  const clerks = useMemo(() => satisfactionSpec(byClerk, t, lang), [byClerk, t, lang]);
  const trendChart = useMemo(() => trendSpec(trend, t, lang), [trend, t, lang]);
  const estimates = useMemo(() => estimateSpec(trend, t, lang), [trend, t, lang]);
  const tall = (n: number) => (n > 8 ? 'tall' : 'normal');

  return (
    <section className="report-charts" aria-labelledby="report-charts-title">
      <h3 id="report-charts-title">{t('admin.reports.charts')}</h3>
      <ChartFigure
        caption={
          trend.groupBy === 'month'
            ? t('admin.reports.chart.trendMonth')
            : t('admin.reports.chart.trendDay')
        }
        spec={trendChart}
        testId="report-chart-trend"
        size="wide"
      />
      <ChartFigure
        caption={
          trend.groupBy === 'month'
            ? t('admin.reports.chart.estimateMonth')
            : t('admin.reports.chart.estimateDay')
        }
        spec={estimates}
        empty={t('admin.reports.chart.noEstimates')}
        testId="report-chart-estimates"
        size="wide"
      />
      <ChartFigure
        caption={t('admin.reports.chart.heatmap')}
        spec={heatmap}
        testId="report-chart-heatmap"
      />
      <ChartFigure
        caption={t('admin.reports.chart.waits')}
        spec={waits}
        testId="report-chart-waits"
      />
      <ChartFigure
        caption={t('admin.reports.chart.byCounter')}
        spec={counters}
        empty={t('admin.reports.chart.noRatings')}
        testId="report-chart-counters"
        size={tall(byCounter.rows.length)}
      />
      <ChartFigure
        caption={t('admin.reports.chart.byClerk')}
        spec={clerks}
        empty={t('admin.reports.chart.noRatings')}
        testId="report-chart-clerks"
        size={tall(byClerk.rows.length)}
      />
    </section>
  );
}
