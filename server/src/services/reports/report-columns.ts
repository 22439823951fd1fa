import type {
  DurationStats,
  ReportGrouping,
  ReportLabel,
  ReportRow,
  ReportSummary,
} from '../../contract/reports';
import { formatterFor } from '../../domain/calendar';

/**
 * The columns of a report export, defined once for CSV, XLSX and PDF. Headers are the
 * export's own (a file, not a screen): Vietnamese first, English second, side by side.
 */

/** What a column holds: text, a count, minutes, a share 0..1. */
export type ColumnKind = 'text' | 'count' | 'minutes' | 'share';

/** One column of the export. */
export interface ReportColumn {
  /** Stable id (for tests and widths). */
  id: string;
  vi: string;
  en: string;
  kind: ColumnKind;
  /** The row's value; null is an empty cell (nothing measured). */
  value: (row: ReportRow) => string | number | null;
  /** Width in characters in the XLSX sheet. */
  width: number;
  /** Shown in the PDF's table (the PDF has room for the main columns only). */
  pdf: boolean;
}

/** "Vietnamese / English", as every header reads. */
export const header = (column: Pick<ReportColumn, 'vi' | 'en'>): string =>
  `${column.vi} / ${column.en}`;

/** The fixed headers, Vietnamese and English side by side. */
export const TEXT = {
  total: { vi: 'Tổng cộng', en: 'Total' },
  report: { vi: 'Báo cáo tổng hợp', en: 'Summary report' },
  centre: { vi: 'Trung tâm', en: 'Centre' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  grouping: { vi: 'Nhóm theo', en: 'Grouped by' },
  generatedAt: { vi: 'Lập lúc', en: 'Generated at' },
  filterService: { vi: 'Lọc theo dịch vụ', en: 'Service filter' },
  filterCounter: { vi: 'Lọc theo quầy', en: 'Counter filter' },
  page: { vi: 'Trang', en: 'Page' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  level: { vi: 'Mức', en: 'Level' },
  count: { vi: 'Số lượt', en: 'Count' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  reason: { vi: 'Lý do chưa hài lòng', en: 'Low-score reason' },
  waitBand: { vi: 'Thời gian chờ (phút)', en: 'Wait (min)' },
  chartServed: { vi: 'Số phiếu đã phục vụ', en: 'Tickets served' },
  chartSatisfied: { vi: 'Tỷ lệ hài lòng', en: 'Satisfied share' },
  chartWaits: { vi: 'Phân bố thời gian chờ', en: 'Wait distribution' },
  sheetHours: { vi: 'Theo thứ và giờ', en: 'By weekday and hour' },
  sheetRatings: { vi: 'Đánh giá', en: 'Ratings' },
} as const;

/** The grouping as a sheet name and a title: "Theo dịch vụ / By service". */
export const GROUPING_TEXT: Record<
  ReportGrouping,
  { vi: string; en: string; column: { vi: string; en: string } }
> = {
  service: { vi: 'Theo dịch vụ', en: 'By service', column: { vi: 'Dịch vụ', en: 'Service' } },
  counter: { vi: 'Theo quầy', en: 'By counter', column: { vi: 'Quầy', en: 'Counter' } },
  clerk: { vi: 'Theo cán bộ', en: 'By clerk', column: { vi: 'Cán bộ', en: 'Clerk' } },
  day: { vi: 'Theo ngày', en: 'By day', column: { vi: 'Ngày', en: 'Day' } },
  week: { vi: 'Theo tuần', en: 'By week', column: { vi: 'Tuần', en: 'Week' } },
  month: { vi: 'Theo tháng', en: 'By month', column: { vi: 'Tháng', en: 'Month' } },
  hour: { vi: 'Theo giờ', en: 'By hour', column: { vi: 'Giờ', en: 'Hour' } },
};

/** Weekdays as the summary orders them (0 = Monday … 6 = Sunday). */
export const WEEKDAYS: { vi: string; en: string }[] = [
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
  { vi: 'Chủ Nhật', en: 'Sunday' },
];

const hh = (hour: number): string => String(hour).padStart(2, '0');

function durationColumns(
  id: string,
  vi: string,
  en: string,
  pick: (row: ReportRow) => DurationStats,
  inPdf: (stat: keyof DurationStats) => boolean,
): ReportColumn[] {
  const stats = [
    { stat: 'mean', vi: 'TB', en: 'Mean' },
    { stat: 'median', vi: 'trung vị', en: 'Median' },
    { stat: 'p90', vi: 'P90', en: 'P90' },
    { stat: 'max', vi: 'tối đa', en: 'Max' },
  ] as const;
  return stats.map((s) => ({
    id: `${id}.${s.stat}`,
    vi: `${vi} ${s.vi} (phút)`,
    en: `${s.en} ${en} (min)`,
    kind: 'minutes',
    value: (row) => pick(row)[s.stat],
    width: 12,
    pdf: inPdf(s.stat),
  }));
}

const count = (
  id: string,
  vi: string,
  en: string,
  value: (row: ReportRow) => number,
  pdf = true,
): ReportColumn => ({ id, vi, en, kind: 'count', value, width: 11, pdf });

const share = (
  id: string,
  vi: string,
  en: string,
  value: (row: ReportRow) => number | null,
  pdf = true,
): ReportColumn => ({ id, vi, en, kind: 'share', value, width: 11, pdf });

/**
 * The rating levels a summary has columns for: 1 to the longer of the centre's scale and
 * the levels counted (a level rated before the scale shrank keeps its column).
 */
export function ratingLevelsOf(summary: ReportSummary): number[] {
  const count = Math.max(summary.ratingScale.length, summary.total.ratingLevels.length);
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** "Mức 3: Hài lòng" / "Level 3: Satisfied"; a level past the scale is "Mức 5" / "Level 5". */
export function labelOfLevel(summary: ReportSummary, level: number, lang: 'vi' | 'en'): string {
  const named = summary.ratingScale.find((l) => l.level === level);
  const word = TEXT.level[lang];
  if (!named) return `${word} ${level}`;
  return `${word} ${level}: ${lang === 'vi' ? named.label : named.labelEn}`;
}

/** The low-score reasons a summary saw, most chosen first (then by text, Vietnamese order). */
export function reasonsSeen(summary: ReportSummary): string[] {
  const totals = new Map<string, number>();
  for (const row of [...summary.rows, summary.total]) {
    for (const [reason, n] of Object.entries(row.lowScoreReasons)) {
      totals.set(reason, Math.max(totals.get(reason) ?? 0, n));
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))
    .map(([reason]) => reason);
}

/**
 * Every column of the summary, in order: the group, counts, waits, service and walk times,
 * the share within target, the estimator's error (count, mean absolute error, share within
 * ±5 minutes, bias: estimate − real wait, negative when it underestimates), clerks' time, ratings (one column per level of the centre's scale or seen, one per low-score
 * reason seen) and, with `hours`, the arrivals in each hour of the day.
 */
export function reportColumns(summary: ReportSummary, options: { hours: boolean }): ReportColumn[] {
  const columns: ReportColumn[] = [
    {
      id: 'label',
      ...GROUPING_TEXT[summary.groupBy].column,
      kind: 'text',
      value: (row) => row.label,
      width: 36,
      pdf: true,
    },
    count('issued', 'Số phiếu cấp', 'Issued', (r) => r.issued),
    count('served', 'Đã phục vụ', 'Served', (r) => r.served),
    count('noShow', 'Vắng mặt', 'No-show', (r) => r.noShow),
    count('transferred', 'Chuyển tiếp', 'Transferred', (r) => r.transferred),
    count('cancelled', 'Đã hủy', 'Cancelled', (r) => r.cancelled),
    count('expired', 'Hết hạn', 'Expired', (r) => r.expired),
    ...durationColumns(
      'wait',
      'Chờ',
      'wait',
      (r) => r.waitMinutes,
      (s) => s !== 'count',
    ),
    ...durationColumns(
      'service',
      'Phục vụ',
      'service',
      (r) => r.serviceMinutes,
      (s) => s === 'mean' || s === 'median',
    ),
    ...durationColumns(
      'walk',
      'Đi đến quầy',
      'walk',
      (r) => r.walkMinutes,
      () => false,
    ),
    share('withinTarget', 'Đạt thời gian chờ mục tiêu', 'Within target wait', (r) => {
      return r.withinTargetShare;
    }),
    count(
      'estimateCount',
      'Số phiếu có ước tính',
      'Tickets with an estimate',
      (r) => {
        return r.estimateCount;
      },
      false,
    ),
    {
      id: 'estimateMae',
      vi: 'Sai số ước tính TB (phút)',
      en: 'Estimate MAE (min)',
      kind: 'minutes',
      value: (r) => r.estimateMae,
      width: 14,
      pdf: true,
    },
    share(
      'estimateWithin5',
      'Ước tính đúng trong ±5 phút',
      'Estimate within ±5 min',
      (r) => r.estimateWithin5Share,
      false,
    ),
    {
      id: 'estimateBias',
      vi: 'Độ lệch ước tính TB (phút)',
      en: 'Estimate bias (min)',
      kind: 'minutes',
      value: (r) => r.estimateBias,
      width: 14,
      pdf: true,
    },
    {
      id: 'paused',
      vi: 'Tạm dừng (phút)',
      en: 'Paused (min)',
      kind: 'minutes',
      value: (r) => r.pausedMinutes,
      width: 12,
      pdf: false,
    },
    {
      id: 'idle',
      vi: 'Rảnh (phút)',
      en: 'Idle (min)',
      kind: 'minutes',
      value: (r) => r.idleMinutes,
      width: 12,
      pdf: false,
    },
    count('ratings', 'Số lượt đánh giá', 'Ratings', (r) => r.ratings),
    ...ratingLevelsOf(summary).map((level) =>
      count(
        `rating.${level}`,
        labelOfLevel(summary, level, 'vi'),
        labelOfLevel(summary, level, 'en'),
        (r) => r.ratingLevels[level - 1] ?? 0,
        false,
      ),
    ),
    share('rated', 'Tỷ lệ đánh giá', 'Rated share', (r) => r.ratedShare),
    share('satisfied', 'Tỷ lệ hài lòng', 'Satisfied share', (r) => r.satisfiedShare),
    ...reasonsSeen(summary).map((reason) =>
      count(
        `reason.${reason}`,
        `${TEXT.reason.vi}: ${reason}`,
        `${TEXT.reason.en}: ${reason}`,
        (r) => r.lowScoreReasons[reason] ?? 0,
        false,
      ),
    ),
  ];
  if (options.hours) {
    for (let hour = 0; hour < 24; hour++) {
      columns.push(
        count(
          `arrivals.${hh(hour)}`,
          `Lượt đến ${hh(hour)}h`,
          `Arrivals ${hh(hour)}:00`,
          (r) => r.arrivalsByHour[hour] ?? 0,
          false,
        ),
      );
    }
  }
  return columns;
}

/** The total row as the exports show it: labelled "Tổng cộng / Total". */
export function totalRow(summary: ReportSummary): ReportRow {
  return { ...summary.total, label: header(TEXT.total), labelEn: TEXT.total.en };
}

/** `dd/mm/yyyy` from `YYYY-MM-DD`. */
export function displayDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "01/01/2026 – 31/12/2026". */
export const displayPeriod = (summary: ReportSummary): string =>
  `${displayDay(summary.from)} – ${displayDay(summary.to)}`;

/** The generation instant on the centre's wall clock: "31/12/2026 17:05 (Asia/Ho_Chi_Minh)". */
export function displayGeneratedAt(summary: ReportSummary): string {
  const parts = formatterFor(summary.centre.timeZone).formatToParts(new Date(summary.generatedAt));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return (
    `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}` +
    ` (${summary.centre.timeZone})`
  );
}

/**
 * The file's name: `bao-cao-2026-01-01_2026-12-31-service.csv`; with more groupings, each
 * named: `…-service-counter-day.xlsx`.
 */
/**
 * The filters a report was asked with, for a file's header: the service's or counter's name
 * (both languages when they differ), or its id when it is gone.
 */
export function filterLines(summary: ReportSummary): [{ vi: string; en: string }, string][] {
  const named = (label: ReportLabel | null | undefined, id: number): string =>
    !label
      ? `#${id}`
      : label.labelEn === label.label
        ? label.label
        : `${label.label} / ${label.labelEn}`;
  const lines: [{ vi: string; en: string }, string][] = [];
  if (summary.serviceId !== null)
    lines.push([TEXT.filterService, named(summary.filterLabels?.service, summary.serviceId)]);
  if (summary.counterId !== null)
    lines.push([TEXT.filterCounter, named(summary.filterLabels?.counter, summary.counterId)]);
  return lines;
}

export const reportFileName = (summary: ReportSummary, extension: string): string =>
  `bao-cao-${summary.from}_${summary.to}-${[
    summary.groupBy,
    ...(summary.alsoGrouped ?? []).map((sheet) => sheet.groupBy),
  ].join('-')}.${extension}`;
