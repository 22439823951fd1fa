import { noteCentreZone } from '../../../ui-shared/src/centre-zone';
import { formatElapsed, formatTime, minutesSince } from '../../../ui-shared/src/format';

describe('formatElapsed()', () => {
  test.each([
    [0, '0:00'],
    [9_999, '0:09'],
    [65_000, '1:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [2 * 3_600_000 + 5 * 60_000 + 7_000, '2:05:07'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  test('shows a negative duration (a clock a little behind the server) as zero', () => {
    expect(formatElapsed(-4_000)).toBe('0:00');
  });
});

describe('formatTime()', () => {
  test('gives the time of day in the centre time zone (UTC+7), 24-hour', () => {
    noteCentreZone('Asia/Ho_Chi_Minh');

    expect(formatTime('2026-11-27T02:05:00.000Z', 'vi')).toBe('09:05');
    expect(formatTime('2026-11-27T13:30:00.000Z', 'en')).toBe('20:30');
  });

  test('follows the zone the server names, whatever the machine’s', () => {
    noteCentreZone('America/New_York');

    expect(formatTime('2026-11-27T02:05:00.000Z', 'vi')).toBe('21:05');
  });
});

describe('minutesSince()', () => {
  test('counts whole minutes and never goes below zero', () => {
    const issued = '2026-11-27T02:00:00.000Z';
    const at = Date.parse(issued);

    expect(minutesSince(issued, at + 61_000)).toBe(1);
    expect(minutesSince(issued, at + 59_999)).toBe(0);
    expect(minutesSince(issued, at - 120_000)).toBe(0);
  });
});
