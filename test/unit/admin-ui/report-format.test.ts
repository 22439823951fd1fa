import {
  heatHours,
  heatmapSpec,
  satisfactionSpec,
  trendKeys,
  trendSpec,
  waitsSpec,
} from '../../../admin-ui/src/reports/chart-configs';
import { estimateSpec } from '../../../admin-ui/src/reports/estimate-chart';
import { cellText, tableColumns } from '../../../admin-ui/src/reports/report-columns';
import {
  formatCount,
  formatDay,
  formatMinutes,
  formatShare,
  type Translate,
} from '../../../admin-ui/src/reports/report-format';
import { fillMessage, type MessageKey } from '../../../server/src/contract/message-keys';
import { en } from '../../../server/src/contract/messages-en';
import { vi } from '../../../server/src/contract/messages-vi';
import type { DurationStats, ReportRow, ReportSummary } from '../../../server/src/contract/reports';

const tVi: Translate = (key: MessageKey, params) => fillMessage(vi[key], params);
const tEn: Translate = (key: MessageKey, params) => fillMessage(en[key], params);

const stats = (mean: number | null): DurationStats => ({
  count: mean === null ? 0 : 2,
  mean,
  median: mean,
  p90: mean,
  max: mean,
});

function row(key: string, fields: Partial<ReportRow> = {}): ReportRow {
  return {
    key,
    label: `Nhóm ${key}`,
    labelEn: `Group ${key}`,
    issued: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    cancelled: 0,
    expired: 0,
    waitMinutes: stats(null),
    serviceMinutes: stats(null),
    walkMinutes: stats(null),
    withinTargetShare: null,
    estimateCount: 0,
    estimateMae: null,
    estimateWithin5Share: null,
    estimateBias: null,
    pausedMinutes: null,
    idleMinutes: null,
    ratings: 0,
    ratingLevels: [0, 0, 0],
    ratedShare: null,
    satisfiedShare: null,
    lowScoreReasons: {},
    arrivalsByHour: Array<number>(24).fill(0),
    ...fields,
  };
}

function summary(fields: Partial<ReportSummary> = {}): ReportSummary {
  return {
    centre: { name: 'Trung tâm', address: '', timeZone: 'Asia/Ho_Chi_Minh' },
    from: '2026-11-01',
    to: '2026-11-30',
    groupBy: 'counter',
    serviceId: null,
    counterId: null,
    generatedAt: '2026-11-30T09:00:00.000Z',
    ratingScale: [
      { level: 1, label: 'Không hài lòng', labelEn: 'Unsatisfied' },
      { level: 2, label: 'Hài lòng', labelEn: 'Satisfied' },
      { level: 3, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
    ],
    satisfiedFrom: 2,
    rows: [],
    total: row(''),
    arrivalsByWeekdayHour: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
    waitBands: Array<number>(10).fill(0),
    ...fields,
  };
}

describe('numbers as Vietnamese and English write them', () => {
  test('counts, minutes and shares', () => {
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatMinutes(12.5, 'vi', tVi)).toBe('12,5 phút');
    expect(formatMinutes(12.46, 'en', tEn)).toBe('12.5 min');
    expect(formatMinutes(1234.5, 'vi', tVi)).toBe('1.234,5 phút');
    expect(formatShare(0.9668, 'vi', tVi)).toBe('96,7 %');
    expect(formatShare(0.9668, 'en', tEn)).toBe('96.7%');
    expect(formatShare(1, 'vi', tVi)).toBe('100,0 %');
  });

  test('nothing measured is a dash, not a zero', () => {
    expect(formatMinutes(null, 'vi', tVi)).toBe('—');
    expect(formatShare(null, 'vi', tVi)).toBe('—');
  });

  test('formatDay() writes dd/mm/yyyy', () => {
    expect(formatDay('2026-03-07')).toBe('07/03/2026');
  });
});

describe('the table’s columns', () => {
  const report = summary({
    rows: [
      row('1', {
        issued: 1234,
        served: 1200,
        waitMinutes: stats(12.5),
        satisfiedShare: 0.9668,
        ratingLevels: [1, 5, 24],
        lowScoreReasons: { 'Chờ lâu': 1 },
      }),
    ],
    total: row('', { issued: 1234, lowScoreReasons: { 'Chờ lâu': 1, 'Thái độ': 3 } }),
  });

  test('follow the export: counts, wait, service, walk, target, estimates, clerks, ratings, reasons', () => {
    const ids = tableColumns(report, tVi, 'vi').flatMap((g) => g.columns.map((c) => c.id));
    expect(ids).toEqual([
      'issued',
      'served',
      'noShow',
      'transferred',
      'cancelled',
      'expired',
      'wait.mean',
      'wait.median',
      'wait.p90',
      'wait.max',
      'service.mean',
      'service.median',
      'service.p90',
      'service.max',
      'walk.mean',
      'walk.median',
      'walk.p90',
      'walk.max',
      'withinTarget',
      'estimateCount',
      'estimateMae',
      'estimateWithin5',
      'estimateBias',
      'paused',
      'idle',
      'ratings',
      'rating.1',
      'rating.2',
      'rating.3',
      'rated',
      'satisfied',
      // The most chosen reason first.
      'reason.Thái độ',
      'reason.Chờ lâu',
    ]);
  });

  test('cells read in the page language', () => {
    const columns = tableColumns(report, tVi, 'vi').flatMap((g) => g.columns);
    const cell = (id: string) => {
      const column = columns.find((c) => c.id === id);
      if (!column) throw new Error(id);
      return cellText(column, report.rows[0] as ReportRow, tVi, 'vi');
    };
    expect(cell('issued')).toBe('1.234');
    expect(cell('wait.median')).toBe('12,5 phút');
    expect(cell('satisfied')).toBe('96,7 %');
    expect(cell('rating.3')).toBe('24');
    expect(cell('withinTarget')).toBe('—');
    expect(cell('reason.Thái độ')).toBe('0');
    const heads = tableColumns(report, tEn, 'en').flatMap((g) => g.columns.map((c) => c.head));
    expect(heads).toContain('Very satisfied');
  });
});

describe('the charts’ data and text alternatives', () => {
  test('the heat map shows the busy hours, at least 07–17, and names the busiest hour', () => {
    const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    (grid[1] as number[])[9] = 42;
    (grid[5] as number[])[19] = 3;
    expect(heatHours(grid)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const spec = heatmapSpec(summary({ arrivalsByWeekdayHour: grid }), tVi, 'vi');
    expect(spec.alt).toBe(
      'Bản đồ nhiệt lượt đến theo thứ và giờ. Đông nhất: Thứ Ba, 09 giờ, 42 lượt.',
    );
    expect(spec.config.data.datasets[0]?.data).toHaveLength(7 * 13);
  });

  test('the wait chart labels its bands and counts the waits under 15 minutes', () => {
    const spec = waitsSpec(summary({ waitBands: [10, 5, 3, 1, 1, 0, 0, 0, 0, 0] }), tVi, 'vi');
    expect(spec.config.data.labels?.[0]).toBe('0–5');
    expect(spec.config.data.labels?.[9]).toBe('≥ 120');
    expect(spec.alt).toContain('20 lượt được gọi, 90,0 % chờ dưới 15 phút');
  });

  test('satisfaction bars leave out groups nobody rated, and say so when none was', () => {
    expect(satisfactionSpec(summary({ rows: [row('1')] }), tVi, 'vi')).toBeNull();
    const spec = satisfactionSpec(
      summary({
        rows: [
          row('1', { satisfiedShare: 0.5 }),
          row('2'),
          row('3', { satisfiedShare: 1, labelEn: 'Counter 3' }),
        ],
      }),
      tEn,
      'en',
    );
    expect(spec?.config.data.labels).toEqual(['Group 1', 'Counter 3']);
    expect(spec?.config.data.datasets[0]?.data).toEqual([50, 100]);
    expect(spec?.alt).toContain('highest Counter 3 (100.0%), lowest Group 1 (50.0%)');
  });

  test('satisfaction bars name every one of many clerks: the chart grows, no name skipped', () => {
    const rows = Array.from({ length: 27 }, (_, i) => row(String(i + 1), { satisfiedShare: 0.9 }));
    const spec = satisfactionSpec(summary({ rows }), tVi, 'vi');
    expect(spec?.config.data.labels).toHaveLength(27);
    const y = (spec?.config.options?.scales as { y?: { ticks?: { autoSkip?: boolean } } }).y;
    expect(y?.ticks?.autoSkip).toBe(false);
    // 24 px a bar and its name, 48 px for the axis.
    expect(spec?.minHeightPx).toBe(27 * 24 + 48);
  });

  test('the trend has a point for every day or month, quiet ones included', () => {
    expect(trendKeys({ from: '2026-12-30', to: '2027-01-02' }, 'day')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(trendKeys({ from: '2026-11-15', to: '2027-02-01' }, 'month')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    const spec = trendSpec(
      summary({
        groupBy: 'day',
        from: '2026-11-01',
        to: '2026-11-03',
        rows: [row('2026-11-02', { served: 7, waitMinutes: stats(4.5) })],
      }),
      tVi,
      'vi',
    );
    expect(spec.config.data.labels).toEqual(['01/11', '02/11', '03/11']);
    expect(spec.config.data.datasets[0]?.data).toEqual([0, 7, 0]);
    expect(spec.config.data.datasets[1]?.data).toEqual([null, 4.5, null]);
    expect(spec.alt).toContain('nhiều nhất 02/11 với 7 lượt');
  });

  test('the estimator chart: error and bias by day, gaps where no ticket had an estimate', () => {
    const days = { groupBy: 'day' as const, from: '2026-11-01', to: '2026-11-03' };
    expect(estimateSpec(summary(days), tVi, 'vi')).toBeNull();
    const estimates = (count: number, mae: number, within: number, bias: number) => ({
      estimateCount: count,
      estimateMae: mae,
      estimateWithin5Share: within,
      estimateBias: bias,
    });
    const spec = estimateSpec(
      summary({
        ...days,
        rows: [
          row('2026-11-01', estimates(4, 3.5, 0.75, -1.25)),
          row('2026-11-03', estimates(2, 6, 0.5, 6)),
        ],
        total: row('', estimates(6, 13 / 3, 2 / 3, 7 / 6)),
      }),
      tVi,
      'vi',
    );
    if (!spec) throw new Error('no chart');
    expect(spec.config.data.labels).toEqual(['01/11', '02/11', '03/11']);
    expect(spec.config.data.datasets.map((d) => d.data)).toEqual([
      [3.5, null, 6],
      [-1.25, null, 6],
    ]);
    expect(spec.alt).toContain('sai số 4,3 phút, độ lệch 1,2 phút, 66,7 %');
  });
});
