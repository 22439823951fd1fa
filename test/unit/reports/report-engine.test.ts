import {
  durationStats,
  Durations,
  percentile,
} from '../../../server/src/services/reports/report-stats';
import {
  dayFrame,
  hourAt,
  isoWeekOf,
  splitByHour,
  weekdayOf,
} from '../../../server/src/services/reports/report-time';

const MINUTE = 60_000;

describe('report percentiles (R-7, as PERCENTILE.INC)', () => {
  test.each([
    // [values, p, expected]: h = (n − 1)·p, interpolated between x[⌊h⌋] and x[⌊h⌋ + 1]
    [[1, 2, 3, 4], 0.5, 2.5], // h = 1.5
    [[1, 2, 3, 4], 0.9, 3.7], // h = 2.7 → 3 + 0.7·1
    [[10], 0.9, 10],
    [[2, 3, 5], 0.9, 4.6], // h = 1.8 → 3 + 0.8·2
    [[15, 20, 35, 40, 50], 0.4, 29], // Excel: PERCENTILE.INC({15,20,35,40,50},0.4) = 29
  ])('percentile(%j, %d) = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 9);
  });

  test('summarises minutes exactly from every value, in any order', () => {
    const durations = new Durations();
    for (const m of [25, 2, 480, 3, 5, 2]) durations.push(m * MINUTE);
    // 2 2 3 5 25 480: mean 517 / 6, median 4, p90 25 + 0.5·455 = 252.5
    expect(durations.stats()).toEqual({
      count: 6,
      mean: Math.round((517 / 6) * 1e9) / 1e9,
      median: 4,
      p90: 252.5,
      max: 480,
    });
    expect(new Durations().stats()).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
    });
  });
});

describe('report percentiles over many values (bucketed selection)', () => {
  /** A reproducible pseudo-random sequence (LCG). */
  const sequence = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  test.each([
    ['waits up to 8 hours', 50_000, 8 * 60 * MINUTE],
    ['few distinct values', 20_000, 5],
    ['a wide range with negatives', 30_000, 2 ** 30],
  ])('agree with a full sort: %s', (_what, n, range) => {
    const next = sequence(n);
    // Three lists taken as one, as a total over its groups.
    const lists = [new Durations(), new Durations(), new Durations()];
    const all: number[] = [];
    for (let i = 0; i < n; i++) {
      const value = Math.round(next() * range) - (range > 2 ** 20 ? range / 2 : 0);
      lists[i % 3]!.push(value);
      all.push(value);
    }
    const sorted = all.sort((a, b) => a - b);
    const byMinutes = (ms: number) => Math.round((ms / MINUTE) * 1e9) / 1e9;
    expect(durationStats(lists)).toEqual({
      count: n,
      mean: byMinutes(all.reduce((a, b) => a + b, 0) / n),
      median: byMinutes(percentile(sorted, 0.5)),
      p90: byMinutes(percentile(sorted, 0.9)),
      max: byMinutes(sorted[n - 1]!),
    });
  });
});

describe('report calendar', () => {
  test.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2025-12-29', '2026-W01'], // the Monday of that week
    ['2021-01-03', '2020-W53'], // a Sunday still in 2020's last week
    ['2021-01-04', '2021-W01'],
    ['2026-03-02', '2026-W10'],
    ['2027-01-03', '2026-W53'],
  ])('ISO week of %s is %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  test('weekdays count from Monday', () => {
    expect(weekdayOf('2026-03-02')).toBe(0); // Monday
    expect(weekdayOf('2026-03-08')).toBe(6); // Sunday
  });

  test('splits time at the wall clock hours, across a clock change too', () => {
    // Berlin, 29 March 2026: 02:00 jumps to 03:00, a 23-hour day.
    const frame = dayFrame('2026-03-29', 'Europe/Berlin');
    expect(frame.uniform).toBe(false);
    expect(frame.endMs - frame.startMs).toBe(23 * 60 * MINUTE);
    // 01:30 → 03:30 wall clock is one hour of real time: 30 min in 01, 30 min in 03.
    const parts: [number, number][] = [];
    splitByHour(frame, 90 * MINUTE, 150 * MINUTE, (hour, ms) => parts.push([hour, ms / MINUTE]));
    expect(parts).toEqual([
      [1, 30],
      [3, 30],
    ]);
    expect(hourAt(frame, 150 * MINUTE)).toBe(3);
    const hanoi = dayFrame('2026-03-02', 'Asia/Ho_Chi_Minh');
    expect(hanoi.uniform).toBe(true);
    expect(hourAt(hanoi, 8 * 60 * MINUTE + 59 * MINUTE)).toBe(8);
  });
});
