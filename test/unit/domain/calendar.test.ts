import {
  closedReason,
  localTime,
  parseClockTime,
  validateIntervals,
  type CentreCalendar,
} from '../../../server/src/domain/calendar';
import { DomainError } from '../../../server/src/domain/errors';

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** The instant a Vietnamese wall clock reads `time` on `day`. */
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);

const WORKDAY = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

/** Mon–Fri two sessions, Saturday morning, Sunday closed; 2 September a holiday. */
const calendar: CentreCalendar = {
  timeZone: VIETNAM,
  weekly: {
    0: [],
    1: WORKDAY,
    2: WORKDAY,
    3: WORKDAY,
    4: WORKDAY,
    5: WORKDAY,
    6: [{ open: '07:30', close: '11:30' }],
  },
  holidays: ['2026-09-02'],
};

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('localTime()', () => {
  test('reads 16:59Z as 23:59 on the same Friday in Vietnam', () => {
    // Act
    const time = localTime(Date.UTC(2026, 10, 27, 16, 59), VIETNAM);

    // Assert
    expect(time).toEqual({ day: '2026-11-27', weekday: 5, minuteOfDay: 23 * 60 + 59 });
  });

  test('reads 17:00Z as minute 0 of Saturday, not hour 24 of Friday', () => {
    // Act
    const time = localTime(Date.UTC(2026, 10, 27, 17, 0), VIETNAM);

    // Assert
    expect(time).toEqual({ day: '2026-11-28', weekday: 6, minuteOfDay: 0 });
  });

  test('puts an early morning still on the previous day in UTC on the local day', () => {
    // Act
    const time = localTime(Date.UTC(2026, 10, 26, 23, 30), VIETNAM);

    // Assert
    expect(time).toEqual({ day: '2026-11-27', weekday: 5, minuteOfDay: 6 * 60 + 30 });
  });

  test('crosses into a new year at local midnight', () => {
    // Act
    const time = localTime(Date.UTC(2026, 11, 31, 17, 0), VIETNAM);

    // Assert
    expect(time).toEqual({ day: '2027-01-01', weekday: 5, minuteOfDay: 0 });
  });

  test('follows the zone it is given', () => {
    // Act
    const time = localTime(Date.UTC(2026, 10, 27, 17, 0), 'UTC');

    // Assert
    expect(time).toEqual({ day: '2026-11-27', weekday: 5, minuteOfDay: 17 * 60 });
  });
});

describe('parseClockTime()', () => {
  test.each([
    ['00:00', 0],
    ['07:30', 450],
    ['11:30', 690],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as minute %d', (text, minutes) => {
    // Act
    const parsed = parseClockTime(text);

    // Assert
    expect(parsed).toBe(minutes);
  });

  test.each([
    '7:30',
    '07:3',
    '24:01',
    '25:00',
    '12:60',
    '',
    ' 07:30',
    '07:30 ',
    '07.30',
    'ab:cd',
    '-1:00',
  ])('refuses %j with validation_failed', (text) => {
    // Act
    const code = codeOf(() => parseClockTime(text));

    // Assert
    expect(code).toBe('validation_failed');
  });
});

describe('validateIntervals()', () => {
  test.each([
    ['no intervals', []],
    ['one morning', [{ open: '07:30', close: '11:30' }]],
    ['two sessions in order', WORKDAY],
    [
      'sessions that touch',
      [
        { open: '07:30', close: '11:30' },
        { open: '11:30', close: '17:00' },
      ],
    ],
    ['a day until midnight', [{ open: '00:00', close: '24:00' }]],
  ])('accepts %s', (_name, intervals) => {
    // Act
    const code = codeOf(() => validateIntervals(intervals));

    // Assert
    expect(code).toBeNull();
  });

  test.each([
    ['an interval opening when it closes', [{ open: '08:00', close: '08:00' }]],
    ['an interval opening after it closes', [{ open: '17:00', close: '13:30' }]],
    [
      'overlapping intervals',
      [
        { open: '07:30', close: '12:00' },
        { open: '11:30', close: '17:00' },
      ],
    ],
    [
      'intervals out of order',
      [
        { open: '13:30', close: '17:00' },
        { open: '07:30', close: '11:30' },
      ],
    ],
    ['a malformed time', [{ open: '7:30', close: '11:30' }]],
  ])('refuses %s with validation_failed', (_name, intervals) => {
    // Act
    const code = codeOf(() => validateIntervals(intervals));

    // Assert
    expect(code).toBe('validation_failed');
  });
});

describe('closedReason()', () => {
  test.each([
    ['a holiday, even inside opening hours', local('2026-09-02', '09:00'), 15, 'holiday'],
    ['a Sunday', local('2026-11-29', '09:00'), 15, 'closed_today'],
    ['before opening', local('2026-11-27', '07:29'), 15, 'outside_hours'],
    ['at lunch', local('2026-11-27', '12:00'), 15, 'outside_hours'],
    ['at closing time (end exclusive)', local('2026-11-27', '17:00'), 15, 'outside_hours'],
    ['a Saturday afternoon', local('2026-11-28', '14:00'), 15, 'outside_hours'],
    ['inside the cut-off before lunch', local('2026-11-27', '11:20'), 15, 'after_cutoff'],
    ['exactly at the cut-off', local('2026-11-27', '11:15'), 15, 'after_cutoff'],
    ['inside the cut-off before closing', local('2026-11-27', '16:50'), 15, 'after_cutoff'],
    ['a cut-off longer than the session', local('2026-11-28', '07:30'), 300, 'after_cutoff'],
  ])('answers %s with %s', (_name, instant, cutoff, reason) => {
    // Act
    const answer = closedReason(calendar, instant, cutoff);

    // Assert
    expect(answer).toBe(reason);
  });

  test.each([
    ['at opening', local('2026-11-27', '07:30'), 15],
    ['mid-morning', local('2026-11-27', '09:00'), 15],
    ['a minute before the cut-off', local('2026-11-27', '11:14'), 15],
    ['in the afternoon session', local('2026-11-27', '13:30'), 15],
    ['on Saturday morning', local('2026-11-28', '09:00'), 15],
    ['in the last minute without a cut-off', local('2026-11-27', '11:29'), 0],
  ])('answers null (open) %s', (_name, instant, cutoff) => {
    // Act
    const answer = closedReason(calendar, instant, cutoff);

    // Assert
    expect(answer).toBeNull();
  });

  test('treats a weekday missing from the table as closed', () => {
    // Arrange
    const weekdaysOnly: CentreCalendar = {
      timeZone: VIETNAM,
      weekly: { 1: WORKDAY },
      holidays: [],
    };

    // Act
    const answer = closedReason(weekdaysOnly, local('2026-11-28', '09:00'));

    // Assert
    expect(answer).toBe('closed_today');
  });

  test('reads the weekday in the centre zone, not UTC', () => {
    // Arrange: 00:30 Monday in Vietnam is still Sunday in UTC.
    const nightOwl: CentreCalendar = {
      timeZone: VIETNAM,
      weekly: { 1: [{ open: '00:00', close: '01:00' }] },
      holidays: [],
    };

    // Act
    const answer = closedReason(nightOwl, local('2026-11-30', '00:30'));

    // Assert
    expect(answer).toBeNull();
  });
});
