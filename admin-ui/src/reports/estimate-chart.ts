import type { Language } from '@luot/contract';
import type { ReportSummary } from '../../../server/src/contract/reports';
import { COLOURS, trendKeys, type ChartSpec } from './chart-configs';
import { formatDay, formatMinutes, formatShare, type Translate } from './report-format';

/**
 * The estimator's own error over the period, by day (or month): the mean absolute error
 * |estimate − real wait| and the mean bias (estimate − real wait; below zero it
 * underestimates), in minutes. Null when no ticket of the period had an estimate.
 */
export function estimateSpec(
  summary: ReportSummary,
  t: Translate,
  lang: Language,
): ChartSpec | null {
  if (summary.total.estimateCount === 0) return null;
  const groupBy = summary.groupBy === 'month' ? 'month' : 'day';
  const byKey = new Map(summary.rows.map((row) => [row.key, row]));
  const keys = trendKeys(summary, groupBy);
  const label = (key: string) =>
    groupBy === 'day' ? formatDay(key).slice(0, 5) : `${key.slice(5, 7)}/${key.slice(0, 4)}`;
  const line = (text: string, colour: string, data: (number | null)[]) => ({
    type: 'line' as const,
    label: text,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointRadius: keys.length > 60 ? 0 : 3,
    spanGaps: true,
  });
  const { total } = summary;
  return {
    alt: t('admin.reports.chart.estimateAlt', {
      points: keys.length,
      mae: formatMinutes(total.estimateMae, lang, t),
      bias: formatMinutes(total.estimateBias, lang, t),
      within: formatShare(total.estimateWithin5Share, lang, t),
    }),
    config: {
      type: 'line',
      data: {
        labels: keys.map(label),
        datasets: [
          line(
            t('admin.reports.chart.estimateMae'),
            COLOURS.primary,
            keys.map((key) => byKey.get(key)?.estimateMae ?? null),
          ),
          line(
            t('admin.reports.chart.estimateBias'),
            COLOURS.warning,
            keys.map((key) => byKey.get(key)?.estimateBias ?? null),
          ),
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'top', align: 'end' } },
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { grid: { color: COLOURS.grid } },
        },
      },
    },
  };
}
