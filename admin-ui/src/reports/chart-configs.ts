import type { ChartConfiguration, ScriptableContext, TooltipItem } from 'chart.js' with {
  'resolution-mode': 'import',
};
import type { MatrixDataPoint } from 'chartjs-chart-matrix';
import type { Language } from '@luot/contract';
import {
  WAIT_BAND_MINUTES,
  type ReportRow,
  type ReportSummary,
} from '../../../server/src/contract/reports';
import { addDays, daysIn, type DayRange } from './report-period';
import {
  formatCount,
  formatDay,
  formatDecimal,
  formatShare,
  type Translate,
} from './report-format';

/**
 * What each chart of the reports page draws, built from the summaries: a Chart.js
 * configuration and the sentence a screen reader reads instead of the canvas.
 */
export interface ChartSpec {
  config:
    | ChartConfiguration<'matrix'>
    | ChartConfiguration<'bar'>
    | ChartConfiguration<'bar' | 'line'>
    | ChartConfiguration<'line'>;
  /** The canvas's text alternative (its numbers are in the table too). */
  alt: string;
  /** A height the chart needs beyond its box's (px): a bar and a name for each of many rows. */
  minHeightPx?: number;
}

/** Room for one horizontal bar and its name (px), and for the axis below them. */
const BAR_ROW_PX = 24;
const BAR_AXIS_PX = 48;

/** The theme's colours (theme.css), as a canvas needs them. */
export const COLOURS = {
  primary: '#0b4f9c',
  accent: '#f2b705',
  ok: '#1b7f3b',
  warning: '#c77700',
  empty: '#f3f5f8',
  grid: '#d5dbe4',
};

const hh = (hour: number) => String(hour).padStart(2, '0');

/** Blends the theme's light and dark blues: 0 is the lightest, 1 the darkest. */
function heat(level: number): string {
  const from = [0xe6, 0xee, 0xf8];
  const to = [0x0b, 0x4f, 0x9c];
  const mix = from.map((c, i) => Math.round(c + ((to[i] as number) - c) * level));
  return `rgb(${mix.join(' ')})`;
}

/**
 * The hours the heat map shows: those with arrivals, and at least 07–17 so a quiet
 * period still reads as a working day.
 */
export function heatHours(byWeekdayHour: number[][]): number[] {
  let first = 7;
  let last = 17;
  byWeekdayHour.forEach((hours) =>
    hours.forEach((n, hour) => {
      if (n > 0) {
        first = Math.min(first, hour);
        last = Math.max(last, hour);
      }
    }),
  );
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Arrivals by weekday × hour as a matrix chart. */
export function heatmapSpec(summary: ReportSummary, t: Translate, lang: Language): ChartSpec {
  const hours = heatHours(summary.arrivalsByWeekdayHour);
  const weekday = (w: number) => t(`admin.reports.weekday.${w}` as Parameters<Translate>[0]);
  const cells: MatrixDataPoint[] = [];
  let busiest = { v: 0, x: 0, y: 0 };
  summary.arrivalsByWeekdayHour.forEach((byHour, y) =>
    hours.forEach((x) => {
      const v = byHour[x] ?? 0;
      cells.push({ x: hh(x), y: weekday(y), v });
      if (v > busiest.v) busiest = { v, x, y };
    }),
  );
  const max = Math.max(1, busiest.v);
  const cell = (ctx: ScriptableContext<'matrix'>) => ctx.raw as MatrixDataPoint;
  return {
    alt:
      busiest.v === 0
        ? t('admin.reports.chart.heatmapEmpty')
        : t('admin.reports.chart.heatmapAlt', {
            weekday: weekday(busiest.y),
            hour: hh(busiest.x),
            count: formatCount(busiest.v, lang),
          }),
    config: {
      type: 'matrix',
      data: {
        datasets: [
          {
            label: t('admin.reports.chart.arrivals'),
            data: cells,
            backgroundColor: (ctx: ScriptableContext<'matrix'>) => {
              const v = cell(ctx)?.v ?? 0;
              return v === 0 ? COLOURS.empty : heat(0.15 + (0.85 * v) / max);
            },
            borderColor: '#ffffff',
            borderWidth: 1,
            width: ({ chart }) => (chart.chartArea?.width ?? 0) / hours.length - 1,
            height: ({ chart }) => (chart.chartArea?.height ?? 0) / 7 - 1,
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'matrix'>[]) => {
                const raw = items[0]?.raw as MatrixDataPoint | undefined;
                return raw ? `${raw.y}, ${t('admin.reports.chart.hour', { hour: raw.x })}` : '';
              },
              label: (item: TooltipItem<'matrix'>) =>
                `${t('admin.reports.chart.arrivals')}: ${formatCount((item.raw as MatrixDataPoint).v ?? 0, lang)}`,
            },
          },
        },
        // Category scales: a column an hour, a row a weekday, each labelled.
        scales: {
          x: {
            type: 'category',
            labels: hours.map(hh),
            offset: true,
            grid: { display: false },
          },
          y: {
            type: 'category',
            // Listed from the bottom up: Monday on top, as a calendar reads.
            labels: [6, 5, 4, 3, 2, 1, 0].map(weekday),
            offset: true,
            grid: { display: false },
          },
        },
      },
    },
  };
}

/** The label of wait band `i`: "5–10", the last "≥ 120" (the axis says minutes). */
function bandLabel(i: number, t: Translate): string {
  const from = WAIT_BAND_MINUTES[i] ?? 0;
  const to = WAIT_BAND_MINUTES[i + 1];
  return to === undefined
    ? t('admin.reports.chart.bandOpen', { from })
    : t('admin.reports.chart.band', { from, to });
}

/** The edge the wait chart's sentence counts under: the 15-minute band's start. */
const WAIT_SENTENCE_MINUTES = 15;

/** Called tickets per wait band, as bars. */
export function waitsSpec(summary: ReportSummary, t: Translate, lang: Language): ChartSpec {
  const total = summary.waitBands.reduce((sum, n) => sum + n, 0);
  const under = summary.waitBands
    .filter((_, i) => (WAIT_BAND_MINUTES[i] ?? 0) < WAIT_SENTENCE_MINUTES)
    .reduce((sum, n) => sum + n, 0);
  return {
    alt: t('admin.reports.chart.waitsAlt', {
      count: formatCount(total, lang),
      share: formatShare(total === 0 ? null : under / total, lang, t),
      minutes: WAIT_SENTENCE_MINUTES,
    }),
    config: {
      type: 'bar',
      data: {
        labels: summary.waitBands.map((_, i) => bandLabel(i, t)),
        datasets: [
          {
            label: t('admin.reports.chart.called'),
            data: summary.waitBands,
            backgroundColor: summary.waitBands.map((_, i) =>
              (WAIT_BAND_MINUTES[i] ?? 0) < WAIT_SENTENCE_MINUTES
                ? COLOURS.primary
                : COLOURS.warning,
            ),
            borderRadius: 4,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: {
            grid: { display: false },
            ticks: { maxRotation: 0, autoSkip: false },
            title: { display: true, text: t('admin.reports.chart.waitAxis') },
          },
          y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: COLOURS.grid } },
        },
      },
    },
  };
}

/** A row's name in the page language. */
export function rowLabel(row: ReportRow, lang: Language): string {
  return lang === 'en' && row.labelEn ? row.labelEn : row.label;
}

/** The rows that were rated, with their satisfied share; none when nobody rated. */
export function ratedRows(summary: ReportSummary): (ReportRow & { satisfiedShare: number })[] {
  return summary.rows.filter(
    (row): row is ReportRow & { satisfiedShare: number } => row.satisfiedShare !== null,
  );
}

/** Satisfied share per counter or clerk, as horizontal bars; null when nobody rated. */
export function satisfactionSpec(
  summary: ReportSummary,
  t: Translate,
  lang: Language,
): ChartSpec | null {
  const rows = ratedRows(summary);
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.satisfiedShare - a.satisfiedShare);
  const best = sorted[0] as (typeof rows)[number];
  const worst = sorted[sorted.length - 1] as (typeof rows)[number];
  return {
    alt: t('admin.reports.chart.satisfiedAlt', {
      count: rows.length,
      best: rowLabel(best, lang),
      bestShare: formatShare(best.satisfiedShare, lang, t),
      worst: rowLabel(worst, lang),
      worstShare: formatShare(worst.satisfiedShare, lang, t),
    }),
    // Every counter or clerk named: the box grows with the list rather than skip names.
    minHeightPx: rows.length * BAR_ROW_PX + BAR_AXIS_PX,
    config: {
      type: 'bar',
      data: {
        labels: rows.map((row) => rowLabel(row, lang)),
        datasets: [
          {
            label: t('admin.reports.chart.satisfied'),
            data: rows.map((row) => Math.round(row.satisfiedShare * 1000) / 10),
            backgroundColor: rows.map((row) =>
              row.satisfiedShare >= 0.9 ? COLOURS.ok : COLOURS.warning,
            ),
            borderRadius: 4,
            maxBarThickness: 26,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar'>) => formatShare(Number(item.raw) / 100, lang, t),
            },
          },
        },
        scales: {
          x: {
            min: 0,
            max: 100,
            grid: { color: COLOURS.grid },
            ticks: { callback: (v) => `${formatDecimal(Number(v), lang).replace(/[,.]0$/, '')}%` },
          },
          y: { grid: { display: false }, ticks: { autoSkip: false } },
        },
      },
    },
  };
}

/** Every day (or month) of the range, so a quiet day shows as a gap, not as nothing. */
export function trendKeys(range: DayRange, groupBy: 'day' | 'month'): string[] {
  if (groupBy === 'day') {
    return Array.from({ length: daysIn(range) }, (_, i) => addDays(range.from, i));
  }
  const keys: string[] = [];
  let month = range.from.slice(0, 7);
  const last = range.to.slice(0, 7);
  while (month <= last) {
    keys.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return keys;
}

/** Served per day (bars) and the mean wait (a line on its own axis). */
export function trendSpec(summary: ReportSummary, t: Translate, lang: Language): ChartSpec {
  const groupBy = summary.groupBy === 'month' ? 'month' : 'day';
  const byKey = new Map(summary.rows.map((row) => [row.key, row]));
  const keys = trendKeys(summary, groupBy);
  const label = (key: string) =>
    groupBy === 'day' ? formatDay(key).slice(0, 5) : `${key.slice(5, 7)}/${key.slice(0, 4)}`;
  const served = keys.map((key) => byKey.get(key)?.served ?? 0);
  const busiest = served.reduce((best, n, i) => (n > (served[best] ?? 0) ? i : best), 0);
  return {
    alt: t('admin.reports.chart.trendAlt', {
      points: keys.length,
      best: label(keys[busiest] ?? ''),
      served: formatCount(served[busiest] ?? 0, lang),
    }),
    config: {
      type: 'bar',
      data: {
        labels: keys.map(label),
        datasets: [
          {
            type: 'bar',
            label: t('admin.reports.chart.served'),
            data: served,
            backgroundColor: COLOURS.primary,
            borderRadius: 3,
            yAxisID: 'y',
            order: 2,
          },
          {
            type: 'line',
            label: t('admin.reports.chart.meanWait'),
            data: keys.map((key) => byKey.get(key)?.waitMinutes.mean ?? null),
            borderColor: COLOURS.accent,
            backgroundColor: COLOURS.accent,
            borderWidth: 3,
            pointRadius: keys.length > 60 ? 0 : 3,
            spanGaps: true,
            yAxisID: 'y1',
            order: 1,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'top', align: 'end' } },
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: COLOURS.grid } },
          y1: { beginAtZero: true, position: 'right', grid: { display: false } },
        },
      },
    },
  };
}
