import { isValidTimeZone, serviceDay } from '../../../server/src/domain/service-day';

const VIETNAM = 'Asia/Ho_Chi_Minh';

describe('serviceDay()', () => {
  test('keeps 16:59:59Z on the same day in Vietnam (23:59:59 local)', () => {
    // Act
    const day = serviceDay(Date.UTC(2026, 10, 27, 16, 59, 59), VIETNAM);

    // Assert
    expect(day).toBe('2026-11-27');
  });

  test('moves 17:00:00Z to the next day in Vietnam (midnight local)', () => {
    // Act
    const day = serviceDay(Date.UTC(2026, 10, 27, 17, 0, 0), VIETNAM);

    // Assert
    expect(day).toBe('2026-11-28');
  });

  test('counts the last millisecond before local midnight in the old day', () => {
    // Act
    const day = serviceDay(Date.UTC(2026, 10, 27, 16, 59, 59, 999), VIETNAM);

    // Assert
    expect(day).toBe('2026-11-27');
  });

  test('gives the local date for an early-morning instant that is still yesterday in UTC', () => {
    // Act
    const day = serviceDay(Date.UTC(2026, 10, 26, 23, 30, 0), VIETNAM);

    // Assert
    expect(day).toBe('2026-11-27');
  });

  test('rolls over the month and the year at local midnight', () => {
    // Act
    const newYear = serviceDay(Date.UTC(2026, 11, 31, 17, 0, 0), VIETNAM);
    const march = serviceDay(Date.UTC(2028, 1, 29, 17, 0, 0), VIETNAM);

    // Assert
    expect(newYear).toBe('2027-01-01');
    expect(march).toBe('2028-03-01');
  });

  test('uses the zone it is given, not a fixed offset', () => {
    // Arrange
    const instant = Date.UTC(2026, 10, 27, 20, 0, 0);

    // Act
    const days = ['UTC', VIETNAM, 'America/New_York'].map((zone) => serviceDay(instant, zone));

    // Assert
    expect(days).toEqual(['2026-11-27', '2026-11-28', '2026-11-27']);
  });

  test('follows daylight saving time in zones that have it', () => {
    // Arrange: New York is UTC-4 in July and UTC-5 in January.
    const julyMidnight = Date.UTC(2026, 6, 15, 4, 0, 0);
    const januaryMidnight = Date.UTC(2026, 0, 15, 5, 0, 0);

    // Act
    const days = [
      serviceDay(julyMidnight - 1, 'America/New_York'),
      serviceDay(julyMidnight, 'America/New_York'),
      serviceDay(januaryMidnight - 1, 'America/New_York'),
      serviceDay(januaryMidnight, 'America/New_York'),
    ];

    // Assert
    expect(days).toEqual(['2026-07-14', '2026-07-15', '2026-01-14', '2026-01-15']);
  });

  test('answers like a fresh formatter minute by minute, also around odd offsets and DST', () => {
    // Arrange: the uncached reading, straight from Intl.
    const fresh = (instant: number, zone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date(instant));
    const zones = [
      VIETNAM,
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'America/St_Johns',
      'Europe/Paris',
    ];
    // Two days around Europe's switch back from summer time (2026-10-25) and forward
    // (2026-03-29), every minute, zones interleaved so each one's cache is tried.
    const starts = [Date.UTC(2026, 9, 24, 0, 0), Date.UTC(2026, 2, 28, 0, 0)];

    // Act
    const wrong: string[] = [];
    for (const start of starts)
      for (let instant = start; instant < start + 2 * 86_400_000; instant += 60_000)
        for (const zone of zones)
          if (serviceDay(instant, zone) !== fresh(instant, zone))
            wrong.push(`${zone} ${new Date(instant).toISOString()}`);

    // Assert
    expect(wrong).toEqual([]);
  });

  test('throws a RangeError for an unknown zone', () => {
    // Act
    const act = () => serviceDay(Date.UTC(2026, 10, 27), 'Asia/Hanoi');

    // Assert
    expect(act).toThrow(RangeError);
  });
});

describe('isValidTimeZone()', () => {
  test.each([VIETNAM, 'UTC', 'Asia/Bangkok', 'Europe/Berlin'])('accepts %s', (zone) => {
    // Act
    const valid = isValidTimeZone(zone);

    // Assert
    expect(valid).toBe(true);
  });

  test.each(['Asia/Hanoi', 'Mars/Olympus_Mons', 'Asia/Ho Chi Minh', 'GMT+25', ''])(
    'refuses %j',
    (zone) => {
      // Act
      const valid = isValidTimeZone(zone);

      // Assert
      expect(valid).toBe(false);
    },
  );

  test('keeps refusing an unknown zone when asked twice', () => {
    // Act
    const answers = [isValidTimeZone('Asia/Hanoi'), isValidTimeZone('Asia/Hanoi')];

    // Assert
    expect(answers).toEqual([false, false]);
  });
});
