import type { DurationStats, ReportGrouping } from '../../server/src/contract/reports';
import type { Figures } from './report-fixture';

/**
 * Every figure of the report fixture (`report-fixture.ts`) from 2026-03-02 to 2026-03-05,
 * worked out by hand from its story; not computed by the code under test. Durations in
 * minutes; percentiles R-7: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * The tickets: T1 HT→DD (transferred) c2 Bình, waited 20 (to its first call, at c1 by
 * Lan 08:20; transferred 08:23), walked 1, served 4, rated 3;
 * T2 HT c1 Lan, 5/1/8, rated 4; T3 DD c2 Bình, 2/1/5, rated 1 (two reasons); T4 HT c1 Lan,
 * waited 2, no-show; T5 DD cancelled; T6 HT expired (23:59); T7 DD c2 Bình (00:01, next
 * day), 480/1/8, rated 2 (one reason); T8 HT c2 Lan, 3/1/6, rated 4; T9 DD waiting today.
 * Busy (call → finish, tickets the counter finished): T1 5, T2 9, T3 6, T4 2, T7 9, T8 7,
 * and T1's 3 at c1 (Lan, 08:20 → 08:23, before its transfer) = 41, none overlapping a pause. Pauses: c1 Lan 15 + 30. Shifts count while the centre is
 * open (the default hours: Monday–Friday 07:30–11:30 and 13:30–17:00): Mon 08:00–16:00 is
 * 210 + 150 = 360 (c1 Lan, c2 Bình); Tue 08:00–12:00 is 210 (c1 Lan, c2 Bình); Wed c2 Lan
 * 08:00–08:30 is 30: 360 + 360 + 210 + 210 + 30 = 1170.
 *
 * Targets stored at issue: T1 T2 HT 10, T7 DD 15, T8 HT 4 (lowered Wed 07:00); T3 none, so
 * DD's current 1. Served within: T2 5 ≤ 10, T8 3 ≤ 4; not: T1 20 > 10, T3 2 > 1, T7 480.
 * Estimates − waits (called tickets with an estimate): T1 15 − 20 = −5, T2 8 − 5 = +3,
 * T3 4 − 2 = +2, T4 12 − 2 = +10, T8 9 − 3 = +6 (T7 none; T5 T6 T9 never called).
 */

const stats = (
  count: number,
  mean: number | null,
  median: number | null,
  p90: number | null,
  max: number | null,
): DurationStats => ({ count, mean, median, p90, max });

const NONE = stats(0, null, null, null, null);
const one = (x: number) => stats(1, x, x, x, x);
const hours = (entries: Record<number, number>): number[] =>
  Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);

const REASONS_T3 = { 'Thời gian chờ lâu': 1, 'Thái độ phục vụ': 1 };
const REASON_T7 = { 'Hướng dẫn chưa rõ': 1 };

/** A row with nothing in it but what is given. */
const row = (key: string, figures: Partial<Figures>): Figures => ({
  key,
  issued: 0,
  served: 0,
  noShow: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  waitMinutes: NONE,
  serviceMinutes: NONE,
  walkMinutes: NONE,
  withinTargetShare: null,
  estimateCount: 0,
  estimateMae: null,
  estimateWithin5Share: null,
  estimateBias: null,
  pausedMinutes: 0,
  idleMinutes: 0,
  ratings: 0,
  ratingLevels: [0, 0, 0, 0],
  ratedShare: null,
  satisfiedShare: null,
  lowScoreReasons: {},
  arrivalsByHour: hours({}),
  ...figures,
});

/** The estimator's four figures: count, mean |error|, share within ±5, mean error. */
const est = (count: number, mae: number, within5: number, bias: number) => ({
  estimateCount: count,
  estimateMae: mae,
  estimateWithin5Share: within5,
  estimateBias: bias,
});

/** The whole period: every filter off. */
export const EXPECTED_TOTAL: Figures = row('', {
  issued: 9,
  served: 5, // T1 T2 T3 T7 T8
  noShow: 1,
  transferred: 1,
  cancelled: 1,
  expired: 1,
  // 2 2 3 5 20 480: mean 512 / 6; median h = 2.5 → 3 + 0.5·2 = 4; p90 h = 4.5 → 20 + 0.5·460
  waitMinutes: stats(6, 512 / 6, 4, 250, 480),
  // 4 5 6 8 8: mean 31 / 5; median 6; p90 h = 3.6 → 8 + 0.6·0
  serviceMinutes: stats(5, 6.2, 6, 8, 8),
  walkMinutes: stats(5, 1, 1, 1, 1),
  // T2 5 ≤ 10, T8 3 ≤ 4 within; T1 20 > 10, T3 2 > 1, T7 480 > 15 not: 2 / 5
  withinTargetShare: 0.4,
  // −5 +3 +2 +10 +6: |·| 26 / 5; within ±5: T1 T2 T3; bias 16 / 5
  ...est(5, 5.2, 0.6, 3.2),
  pausedMinutes: 45, // 15 + 30
  idleMinutes: 1084, // 1170 − 45 − 41
  ratings: 5,
  ratingLevels: [1, 1, 1, 2], // T3 1, T7 2, T1 3, T2 4, T8 4
  ratedShare: 1, // 5 / 5
  satisfiedShare: 0.6, // 3 of 5 at 3 or above
  lowScoreReasons: { ...REASONS_T3, ...REASON_T7 },
  arrivalsByHour: hours({ 0: 1, 8: 5, 10: 2, 23: 1 }),
});

/** Waits 2 2 3 | 5 | 20 | 480 in the bands 0, 5, 10, 15, 20, 30, 45, 60, 90, 120+. */
export const EXPECTED_WAIT_BANDS = [3, 1, 0, 0, 1, 0, 0, 0, 0, 1];

/** Monday: 08 ×3, 10 ×2, 23 ×1; Tuesday 00 ×1; Wednesday 08 ×1; Thursday 08 ×1. */
export const EXPECTED_WEEKDAY_HOURS = [
  hours({ 8: 3, 10: 2, 23: 1 }),
  hours({ 0: 1 }),
  hours({ 8: 1 }),
  hours({ 8: 1 }),
  hours({}),
  hours({}),
  hours({}),
];

// Lan's and counter 1's waits 2 3 5 (or 2 5): the same by service HT.
const HT_LIKE = {
  // 2 3 5: mean 10 / 3; median 3; p90 h = 1.8 → 3 + 0.8·2 = 4.6
  waitMinutes: stats(3, 10 / 3, 3, 4.6, 5),
  // 6 8: mean 7; median h = 0.5 → 7; p90 h = 0.9 → 6 + 0.9·2 = 7.8
  serviceMinutes: stats(2, 7, 7, 7.8, 8),
  walkMinutes: stats(2, 1, 1, 1, 1),
  withinTargetShare: 1, // T2 5 ≤ 10, T8 3 ≤ 4
  // T2 +3, T4 +10, T8 +6: |·| 19 / 3; within ±5: T2; bias 19 / 3
  ...est(3, 19 / 3, 1 / 3, 19 / 3),
  ratings: 2,
  ratingLevels: [0, 0, 0, 2],
  ratedShare: 1,
  satisfiedShare: 1,
};
// Bình's tickets T1 T3 T7: the same as service DD's served ones.
const DD_LIKE = {
  served: 3,
  // 2 20 480: mean 502 / 3; median 20; p90 h = 1.8 → 20 + 0.8·460 = 388
  waitMinutes: stats(3, 502 / 3, 20, 388, 480),
  // 4 5 8: mean 17 / 3; median 5; p90 h = 1.8 → 5 + 0.8·3 = 7.4
  serviceMinutes: stats(3, 17 / 3, 5, 7.4, 8),
  walkMinutes: stats(3, 1, 1, 1, 1),
  withinTargetShare: 0, // T1 20 > 10, T3 2 > 1, T7 480 > 15
  // T1 −5, T3 +2 (T7 none): |·| 7 / 2; both within ±5; bias −3 / 2
  ...est(2, 3.5, 1, -1.5),
  ratings: 3,
  ratingLevels: [1, 1, 1, 0],
  ratedShare: 1,
  satisfiedShare: 1 / 3, // T1's 3
  lowScoreReasons: { ...REASONS_T3, ...REASON_T7 },
};
// Never called: T5 cancelled (10:05), T6 expired (23:59), T9 waiting (08:00).
const NOT_CALLED = row('', {
  issued: 3,
  cancelled: 1,
  expired: 1,
  arrivalsByHour: hours({ 8: 1, 10: 1, 23: 1 }),
});

/** The rows of each grouping, in the order the report sorts them. */
export const EXPECTED_ROWS: Record<ReportGrouping, Figures[]> = {
  service: [
    // Issued under the first service: T1 T2 T4 T6 T8; counted under the final: T2 T4 T6 T8.
    row('HT', {
      ...HT_LIKE,
      issued: 5,
      transferred: 1,
      served: 2,
      noShow: 1,
      expired: 1,
      pausedMinutes: null,
      idleMinutes: null,
      arrivalsByHour: hours({ 8: 3, 10: 1, 23: 1 }),
    }),
    // Issued: T3 T5 T7 T9; final DD: T1 T3 T5 T7 T9.
    row('DD', {
      ...DD_LIKE,
      issued: 4,
      cancelled: 1,
      pausedMinutes: null,
      idleMinutes: null,
      arrivalsByHour: hours({ 0: 1, 8: 2, 10: 1 }),
    }),
  ],
  counter: [
    // T2 T4. Shifts 360 + 210, paused 45, busy 9 + 2 + 3 (T1 before its transfer): idle
    // 570 − 45 − 14 = 511.
    row('1', {
      issued: 2,
      served: 1,
      noShow: 1,
      // 2 5: mean 3.5; median 3.5; p90 h = 0.9 → 2 + 0.9·3 = 4.7
      waitMinutes: stats(2, 3.5, 3.5, 4.7, 5),
      serviceMinutes: one(8),
      walkMinutes: one(1),
      withinTargetShare: 1,
      ...est(2, 6.5, 0.5, 6.5), // T2 +3, T4 +10
      pausedMinutes: 45,
      idleMinutes: 511,
      ratings: 1,
      ratingLevels: [0, 0, 0, 1],
      ratedShare: 1,
      satisfiedShare: 1,
      arrivalsByHour: hours({ 8: 1, 10: 1 }),
    }),
    // T1 T3 T7 T8. Shifts 360 + 210 + 30, busy 5 + 6 + 9 + 7: idle 600 − 27 = 573.
    row('2', {
      issued: 4,
      transferred: 1,
      served: 4,
      // 2 3 20 480: mean 505 / 4; median h = 1.5 → 3 + 0.5·17 = 11.5; p90 h = 2.7 → 20 + 0.7·460
      waitMinutes: stats(4, 126.25, 11.5, 342, 480),
      // 4 5 6 8: mean 23 / 4; median 5.5; p90 h = 2.7 → 6 + 0.7·2 = 7.4
      serviceMinutes: stats(4, 5.75, 5.5, 7.4, 8),
      walkMinutes: stats(4, 1, 1, 1, 1),
      withinTargetShare: 0.25, // T8
      // T1 −5, T3 +2, T8 +6: |·| 13 / 3; within ±5: T1 T3; bias 3 / 3
      ...est(3, 13 / 3, 2 / 3, 1),
      idleMinutes: 573,
      ratings: 4,
      ratingLevels: [1, 1, 1, 1],
      ratedShare: 1,
      satisfiedShare: 0.5,
      lowScoreReasons: { ...REASONS_T3, ...REASON_T7 },
      arrivalsByHour: hours({ 0: 1, 8: 3 }),
    }),
    NOT_CALLED,
  ],
  clerk: [
    // Nguyễn Thị Lan before Trần Văn Bình. T2 T4 T8; shifts 360 + 210 + 30 = 600,
    // paused 45, busy 9 + 2 + 7 + 3 (T1 before its transfer) = 21: idle 534.
    row('lan', {
      ...HT_LIKE,
      issued: 3,
      served: 2,
      noShow: 1,
      pausedMinutes: 45,
      idleMinutes: 534,
      arrivalsByHour: hours({ 8: 2, 10: 1 }),
    }),
    // T1 T3 T7; shifts 360 + 210 = 570, busy 5 + 6 + 9 = 20: idle 550.
    row('binh', {
      ...DD_LIKE,
      issued: 3,
      transferred: 1,
      idleMinutes: 550,
      arrivalsByHour: hours({ 0: 1, 8: 2 }),
    }),
    NOT_CALLED,
  ],
  day: [
    // T1–T6. Shifts 360 + 360 = 720, paused 15, busy 5 + 9 + 6 + 2 + 3 = 25: idle 680.
    row('2026-03-02', {
      issued: 6,
      transferred: 1,
      served: 3,
      noShow: 1,
      cancelled: 1,
      expired: 1,
      // 2 2 5 20: mean 29 / 4; median h = 1.5 → 2 + 0.5·3 = 3.5; p90 h = 2.7 → 5 + 0.7·15
      waitMinutes: stats(4, 7.25, 3.5, 15.5, 20),
      serviceMinutes: stats(3, 17 / 3, 5, 7.4, 8), // 4 5 8
      walkMinutes: stats(3, 1, 1, 1, 1),
      withinTargetShare: 1 / 3, // T2
      // T1 −5, T2 +3, T3 +2, T4 +10: |·| 20 / 4; within ±5: T1 T2 T3; bias 10 / 4
      ...est(4, 5, 0.75, 2.5),
      pausedMinutes: 15,
      idleMinutes: 680,
      ratings: 3,
      ratingLevels: [1, 0, 1, 1],
      ratedShare: 1,
      satisfiedShare: 2 / 3,
      lowScoreReasons: REASONS_T3,
      arrivalsByHour: hours({ 8: 3, 10: 2, 23: 1 }),
    }),
    // T7 at 00:01. Shifts 210 + 210 = 420, paused 30, busy 9: idle 381.
    row('2026-03-03', {
      issued: 1,
      served: 1,
      waitMinutes: one(480),
      serviceMinutes: one(8),
      walkMinutes: one(1),
      withinTargetShare: 0,
      pausedMinutes: 30,
      idleMinutes: 381,
      ratings: 1,
      ratingLevels: [0, 1, 0, 0],
      ratedShare: 1,
      satisfiedShare: 0,
      lowScoreReasons: REASON_T7,
      arrivalsByHour: hours({ 0: 1 }),
    }),
    // T8. Shift 30, busy 7: idle 23.
    row('2026-03-04', {
      issued: 1,
      served: 1,
      waitMinutes: one(3),
      serviceMinutes: one(6),
      walkMinutes: one(1),
      withinTargetShare: 1,
      ...est(1, 6, 0, 6), // T8 +6
      idleMinutes: 23,
      ratings: 1,
      ratingLevels: [0, 0, 0, 1],
      ratedShare: 1,
      satisfiedShare: 1,
      arrivalsByHour: hours({ 8: 1 }),
    }),
    // T9, today, read live.
    row('2026-03-05', { issued: 1, arrivalsByHour: hours({ 8: 1 }) }),
  ],
  // All four days are in ISO week 10 of 2026 (Monday 2 March) and in March.
  week: [{ ...EXPECTED_TOTAL, key: '2026-W10' }],
  month: [{ ...EXPECTED_TOTAL, key: '2026-03' }],
  hour: [
    // By the hour of issue; pauses, shifts and busy time split at hour boundaries. Shifts
    // count while open: 07:30–11:30 and 13:30–17:00.
    row('00', {
      issued: 1,
      served: 1,
      waitMinutes: one(480),
      serviceMinutes: one(8),
      walkMinutes: one(1),
      withinTargetShare: 0,
      ratings: 1,
      ratingLevels: [0, 1, 0, 0],
      ratedShare: 1,
      satisfiedShare: 0,
      lowScoreReasons: REASON_T7,
      arrivalsByHour: hours({ 0: 1 }),
    }),
    // T1 T2 T3 T8 T9. Shifts 60 + 60 (Mon) + 60 + 60 (Tue) + 30 (Wed) = 270, busy
    // 5 + 9 + 6 + 9 + 7 + 3 (T1 at c1 before its transfer) = 39: idle 231.
    row('08', {
      issued: 5,
      transferred: 1,
      served: 4,
      // 2 3 5 20: mean 30 / 4; median h = 1.5 → 3 + 0.5·2 = 4; p90 h = 2.7 → 5 + 0.7·15
      waitMinutes: stats(4, 7.5, 4, 15.5, 20),
      serviceMinutes: stats(4, 5.75, 5.5, 7.4, 8), // 4 5 6 8
      walkMinutes: stats(4, 1, 1, 1, 1),
      withinTargetShare: 0.5, // T2 T8
      // T1 −5, T2 +3, T3 +2, T8 +6: |·| 16 / 4; within ±5: T1 T2 T3; bias 6 / 4
      ...est(4, 4, 0.75, 1.5),
      idleMinutes: 231,
      ratings: 4,
      ratingLevels: [1, 0, 1, 2],
      ratedShare: 1,
      satisfiedShare: 0.75,
      lowScoreReasons: REASONS_T3,
      arrivalsByHour: hours({ 8: 5 }),
    }),
    row('09', { pausedMinutes: 45, idleMinutes: 195 }), // shifts 4 × 60, paused 15 + 30
    // T4 T5. Shifts 240, busy 2 (T4): idle 238.
    row('10', {
      issued: 2,
      noShow: 1,
      cancelled: 1,
      waitMinutes: one(2),
      ...est(1, 10, 0, 10), // T4 +10
      idleMinutes: 238,
      arrivalsByHour: hours({ 10: 2 }),
    }),
    row('11', { idleMinutes: 120 }), // 4 shifts × 30 (11:00–11:30; closed from 11:30)
    // Closed 11:30–13:30: no row 12.
    row('13', { idleMinutes: 60 }), // Monday's 2 shifts × 30 (13:30–14:00)
    row('14', { idleMinutes: 120 }),
    row('15', { idleMinutes: 120 }),
    row('23', { issued: 1, expired: 1, arrivalsByHour: hours({ 23: 1 }) }),
  ],
};
