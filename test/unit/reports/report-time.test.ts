import { daysBetween, MAX_DAYS_LISTED } from '../../../server/src/services/reports/report-time';

describe('daysBetween()', () => {
  test('lists every day, both ends included', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  test('ends at 9999-12-31 without asking for the day after it', () => {
    expect(daysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
  });

  test('lists 9999-12-31 alone: the day after ("+010000-01") sorted before it, looping forever', () => {
    expect(daysBetween('9999-12-31', '9999-12-31')).toEqual(['9999-12-31']);
  });

  test(`refuses more than ${MAX_DAYS_LISTED} days`, () => {
    expect(() => daysBetween('2000-01-01', '2200-01-01')).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
