import { dayStart, nextDay } from '../../../server/src/domain/day-bounds';

describe('dayStart()', () => {
  test.each([
    ['Asia/Ho_Chi_Minh', '2026-11-27', '2026-11-26T17:00:00.000Z'],
    ['UTC', '2026-11-27', '2026-11-27T00:00:00.000Z'],
    ['Europe/Berlin', '2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['Europe/Berlin', '2026-07-01', '2026-06-30T22:00:00.000Z'],
    // The clocks go forward at 02:00 that day: midnight is still on winter time.
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['America/Sao_Paulo', '2026-11-27', '2026-11-27T03:00:00.000Z'],
  ])('in %s, %s starts at %s', (zone, day, start) => {
    // Act
    const at = dayStart(day, zone);

    // Assert
    expect(new Date(at).toISOString()).toBe(start);
  });

  test('where a clock change skips midnight, the day starts when its clock does', () => {
    // Arrange: Cuba moves from 00:00 to 01:00 on 8 March 2026 (UTC−5 to UTC−4).

    // Act
    const at = dayStart('2026-03-08', 'America/Havana');

    // Assert: 01:00 local, UTC−4.
    expect(new Date(at).toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});

describe('nextDay()', () => {
  test.each([
    ['2026-11-27', '2026-11-28'],
    ['2026-11-30', '2026-12-01'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
  ])('after %s comes %s', (day, next) => {
    expect(nextDay(day)).toBe(next);
  });
});

describe('days at the edges of the calendar', () => {
  test('nextDay refuses the day after 9999-12-31 instead of answering "+010000-01"', () => {
    expect(() => nextDay('9999-12-31')).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(nextDay('9999-12-30')).toBe('9999-12-31');
  });

  test('years 0..99 are those years, not 1900..1999', () => {
    expect(nextDay('0050-12-31')).toBe('0051-01-01');
    expect(new Date(dayStart('0050-01-01', 'UTC')).toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  test('anything but a four-digit day is refused', () => {
    expect(() => nextDay('+010000-01')).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(() => dayStart('10000-01-01', 'UTC')).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
