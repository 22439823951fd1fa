import type { DurationStats, ReportRow, ReportSummary } from '../../../server/src/contract/reports';

/** A report summary written out by hand, figure by figure, for the export tests. */

const stats = (
  count: number,
  mean: number | null,
  median: number | null,
  p90: number | null,
  max: number | null,
): DurationStats => ({ count, mean, median, p90, max });

const hours = (counts: Record<number, number>): number[] =>
  Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);

/** The estimator's figures, the same in every row. */
const ESTIMATES = {
  estimateCount: 8,
  estimateMae: 3.25,
  estimateWithin5Share: 0.875,
  estimateBias: -1.5,
};

/** The sample filtered by a service (3) and a counter (7), with their names. */
export function filteredSample(): ReportSummary {
  return {
    ...sampleSummary(),
    serviceId: 3,
    counterId: 7,
    filterLabels: {
      service: { label: 'Đăng ký kinh doanh', labelEn: 'Business registration' },
      counter: { label: 'Quầy 2 · Trả kết quả', labelEn: 'Counter 2 · Trả kết quả' },
    },
  };
}

/** Two services and a clerk-named one whose name starts like a formula. */
export function sampleSummary(): ReportSummary {
  const land: ReportRow = {
    key: 'DD',
    label: 'Đất đai, nhà ở',
    labelEn: 'Land and housing',
    serviceId: 1,
    issued: 12,
    served: 9,
    noShow: 1,
    transferred: 2,
    cancelled: 1,
    expired: 1,
    waitMinutes: stats(10, 12.345, 11.5, 20.125, 31),
    serviceMinutes: stats(9, 7.5, 6.25, 12.875, 15.004),
    walkMinutes: stats(9, 0.75, 0.5, 1.5, 2),
    withinTargetShare: 7 / 9,
    ...ESTIMATES,
    pausedMinutes: null,
    idleMinutes: null,
    ratings: 6,
    ratingLevels: [1, 0, 1, 3, 1],
    ratedShare: 6 / 9,
    satisfiedShare: 4 / 6,
    lowScoreReasons: { 'Chờ lâu': 2, 'Thái độ, "khó chịu"': 1 },
    arrivalsByHour: hours({ 7: 3, 8: 5, 9: 2, 14: 2 }),
  };
  const civil: ReportRow = {
    key: 'HT',
    label: 'Hộ tịch, chứng thực',
    labelEn: 'Civil status',
    serviceId: 2,
    issued: 8,
    served: 8,
    noShow: 0,
    transferred: 0,
    cancelled: 0,
    expired: 0,
    waitMinutes: stats(8, 4, 3.5, 8.3, 9),
    serviceMinutes: stats(8, 5, 5, 6.1, 7),
    walkMinutes: stats(8, 0.5, 0.5, 0.8, 1),
    withinTargetShare: 1,
    ...ESTIMATES,
    pausedMinutes: null,
    idleMinutes: null,
    ratings: 4,
    ratingLevels: [0, 0, 0, 2, 2],
    ratedShare: 0.5,
    satisfiedShare: 1,
    lowScoreReasons: {},
    arrivalsByHour: hours({ 8: 4, 15: 4 }),
  };
  const formula: ReportRow = {
    key: 'X',
    label: '=HYPERLINK("http://x","bấm")',
    labelEn: 'Formula, quoted',
    serviceId: 3,
    issued: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    cancelled: 0,
    expired: 0,
    waitMinutes: stats(0, null, null, null, null),
    serviceMinutes: stats(0, null, null, null, null),
    walkMinutes: stats(0, null, null, null, null),
    withinTargetShare: null,
    ...ESTIMATES,
    pausedMinutes: null,
    idleMinutes: null,
    ratings: 0,
    ratingLevels: [0, 0, 0, 0, 0],
    ratedShare: null,
    satisfiedShare: null,
    lowScoreReasons: {},
    arrivalsByHour: hours({}),
  };
  // Total: issued 12 + 8 = 20, served 9 + 8 = 17, ratings 6 + 4 = 10, satisfied 4 + 4 = 8.
  const total: ReportRow = {
    key: '',
    label: 'Tổng',
    labelEn: 'Total',
    issued: 20,
    served: 17,
    noShow: 1,
    transferred: 2,
    cancelled: 1,
    expired: 1,
    waitMinutes: stats(18, 8.636, 8.25, 18.5, 31),
    serviceMinutes: stats(17, 6.323, 5.5, 11.2, 15.004),
    walkMinutes: stats(17, 0.632, 0.5, 1.4, 2),
    withinTargetShare: 15 / 17,
    ...ESTIMATES,
    pausedMinutes: 42.5,
    idleMinutes: 118.25,
    ratings: 10,
    ratingLevels: [1, 0, 1, 5, 3],
    ratedShare: 10 / 17,
    satisfiedShare: 0.8,
    lowScoreReasons: { 'Chờ lâu': 2, 'Thái độ, "khó chịu"': 1 },
    arrivalsByHour: hours({ 7: 3, 8: 9, 9: 2, 14: 2, 15: 4 }),
  };
  return {
    centre: {
      name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Trị',
      address: '45 Hùng Vương, phường Đông Hà',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    from: '2026-01-01',
    to: '2026-12-31',
    groupBy: 'service',
    serviceId: null,
    counterId: null,
    // 10:05 UTC is 17:05 in Hồ Chí Minh City (UTC+7).
    generatedAt: '2026-12-31T10:05:00.000Z',
    ratingScale: [
      { level: 1, label: 'Rất không hài lòng', labelEn: 'Very dissatisfied' },
      { level: 2, label: 'Không hài lòng', labelEn: 'Dissatisfied' },
      { level: 3, label: 'Bình thường', labelEn: 'Neutral' },
      { level: 4, label: 'Hài lòng', labelEn: 'Satisfied' },
      { level: 5, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
    ],
    satisfiedFrom: 4,
    rows: [land, civil, formula],
    total,
    arrivalsByWeekdayHour: Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => (d < 5 && h >= 7 && h < 17 ? d + 1 : 0)),
    ),
    waitBands: [6, 5, 3, 2, 1, 1, 0, 0, 0, 0],
  };
}

/** A summary with `count` groups (by day), for the size and paging tests. */
export function largeSummary(count: number): ReportSummary {
  const base = sampleSummary();
  const [land] = base.rows;
  if (!land) throw new Error('the sample has rows');
  const days = Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  );
  const rows: ReportRow[] = days.map((day, i) => {
    const { serviceId: _service, ...figures } = land;
    return { ...figures, key: day, label: day, labelEn: day, issued: i + 1 };
  });
  return { ...base, groupBy: 'day', from: days[0] ?? '', to: days[count - 1] ?? '', rows };
}
