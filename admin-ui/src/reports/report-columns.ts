import type { Language } from '@luot/contract';
import type { DurationStats, ReportRow, ReportSummary } from '../../../server/src/contract/reports';
import { formatCount, formatMinutes, formatShare, type Translate } from './report-format';

/**
 * The report table's columns, in the order the CSV, Excel and PDF exports list them: the
 * counts, wait, service and walk times, the share within target, the estimator's error
 * (count, mean absolute error, share within ±5 minutes, bias), clerks' time, ratings
 * (one column a level of the centre's scale, or rated before it shrank) and one column a low-score reason seen.
 */

/** What a cell holds, which says how it is written. */
export type CellKind = 'count' | 'minutes' | 'share';

/** One column: its heading and how a row fills it. */
export interface TableColumn {
  id: string;
  head: string;
  kind: CellKind;
  value: (row: ReportRow) => number | null;
}

/** Columns under one heading; a heading of null: a single column headed on both rows. */
export interface ColumnGroup {
  head: string | null;
  columns: TableColumn[];
}

const STATS = ['mean', 'median', 'p90', 'max'] as const;

function durations(
  t: Translate,
  id: string,
  head: Parameters<Translate>[0],
  pick: (row: ReportRow) => DurationStats,
): ColumnGroup {
  return {
    head: t(head),
    columns: STATS.map((stat) => ({
      id: `${id}.${stat}`,
      head: t(`admin.reports.stat.${stat}`),
      kind: 'minutes',
      value: (row) => pick(row)[stat],
    })),
  };
}

/** The low-score reasons a summary saw, most chosen first, as the exports order them. */
export function reasonsSeen(summary: ReportSummary): string[] {
  const most = new Map<string, number>();
  for (const row of [...summary.rows, summary.total]) {
    for (const [reason, n] of Object.entries(row.lowScoreReasons)) {
      most.set(reason, Math.max(most.get(reason) ?? 0, n));
    }
  }
  return [...most.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))
    .map(([reason]) => reason);
}

/** The table's column groups for a summary, headed in the page language. */
export function tableColumns(summary: ReportSummary, t: Translate, lang: Language): ColumnGroup[] {
  const count = (id: string, head: string, value: (row: ReportRow) => number): TableColumn => ({
    id,
    head,
    kind: 'count',
    value,
  });
  const groups: ColumnGroup[] = [
    {
      head: t('admin.reports.head.tickets'),
      columns: [
        count('issued', t('admin.reports.col.issued'), (r) => r.issued),
        count('served', t('admin.reports.col.served'), (r) => r.served),
        count('noShow', t('admin.reports.col.noShow'), (r) => r.noShow),
        count('transferred', t('admin.reports.col.transferred'), (r) => r.transferred),
        count('cancelled', t('admin.reports.col.cancelled'), (r) => r.cancelled),
        count('expired', t('admin.reports.col.expired'), (r) => r.expired),
      ],
    },
    durations(t, 'wait', 'admin.reports.head.wait', (r) => r.waitMinutes),
    durations(t, 'service', 'admin.reports.head.service', (r) => r.serviceMinutes),
    durations(t, 'walk', 'admin.reports.head.walk', (r) => r.walkMinutes),
    {
      head: null,
      columns: [
        {
          id: 'withinTarget',
          head: t('admin.reports.col.withinTarget'),
          kind: 'share',
          value: (r) => r.withinTargetShare,
        },
      ],
    },
    {
      head: t('admin.reports.head.estimate'),
      columns: [
        count('estimateCount', t('admin.reports.col.estimateCount'), (r) => r.estimateCount),
        {
          id: 'estimateMae',
          head: t('admin.reports.col.estimateMae'),
          kind: 'minutes',
          value: (r) => r.estimateMae,
        },
        {
          id: 'estimateWithin5',
          head: t('admin.reports.col.estimateWithin5'),
          kind: 'share',
          value: (r) => r.estimateWithin5Share,
        },
        {
          id: 'estimateBias',
          head: t('admin.reports.col.estimateBias'),
          kind: 'minutes',
          value: (r) => r.estimateBias,
        },
      ],
    },
    {
      head: t('admin.reports.head.clerkTime'),
      columns: [
        {
          id: 'paused',
          head: t('admin.reports.col.paused'),
          kind: 'minutes',
          value: (r) => r.pausedMinutes,
        },
        {
          id: 'idle',
          head: t('admin.reports.col.idle'),
          kind: 'minutes',
          value: (r) => r.idleMinutes,
        },
      ],
    },
    {
      head: t('admin.reports.head.ratings'),
      columns: [
        count('ratings', t('admin.reports.col.ratings'), (r) => r.ratings),
        // A level rated before the scale shrank has no label now: "Mức 5" / "Level 5".
        ...Array.from(
          { length: Math.max(summary.ratingScale.length, summary.total.ratingLevels.length) },
          (_, i) => {
            const named = summary.ratingScale.find((l) => l.level === i + 1);
            const head = named
              ? lang === 'en'
                ? named.labelEn
                : named.label
              : t('admin.reports.col.level', { level: i + 1 });
            return count(`rating.${i + 1}`, head, (r) => r.ratingLevels[i] ?? 0);
          },
        ),
        {
          id: 'rated',
          head: t('admin.reports.col.rated'),
          kind: 'share',
          value: (r) => r.ratedShare,
        },
        {
          id: 'satisfied',
          head: t('admin.reports.col.satisfied'),
          kind: 'share',
          value: (r) => r.satisfiedShare,
        },
      ],
    },
  ];
  const reasons = reasonsSeen(summary);
  if (reasons.length > 0) {
    groups.push({
      head: t('admin.reports.head.lowReasons'),
      columns: reasons.map((reason) =>
        count(`reason.${reason}`, reason, (r) => r.lowScoreReasons[reason] ?? 0),
      ),
    });
  }
  return groups;
}

/** A cell's text: a count, minutes with their unit or a percentage, in the page language. */
export function cellText(
  column: TableColumn,
  row: ReportRow,
  t: Translate,
  lang: Language,
): string {
  const value = column.value(row);
  if (column.kind === 'minutes') return formatMinutes(value, lang, t);
  if (column.kind === 'share') return formatShare(value, lang, t);
  return value === null ? '' : formatCount(value, lang);
}
