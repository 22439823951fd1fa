import { unavailableReason, type AvailabilityInput } from '../../../server/src/domain/availability';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** The instant a Vietnamese wall clock reads `time` on `day`. */
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);

const FRIDAY_0900 = local('2026-11-27', '09:00');
const FRIDAY_1120 = local('2026-11-27', '11:20');
const FRIDAY_1200 = local('2026-11-27', '12:00');
const SUNDAY_0900 = local('2026-11-29', '09:00');

/** Default hours (Mon–Fri 07:30–11:30 and 13:30–17:00, Sat morning), cut-off 15, enforced. */
function input(overrides: {
  enforceOpeningHours?: boolean;
  holidays?: string[];
  openingHours?: AvailabilityInput['settings']['openingHours'];
  dailyCap?: number | null;
  serviceCutoff?: number | null;
  issuedToday?: number;
}): AvailabilityInput {
  return {
    settings: {
      enforceOpeningHours: overrides.enforceOpeningHours ?? true,
      openingHours: overrides.openingHours ?? DEFAULT_SETTINGS.openingHours,
      holidays: overrides.holidays ?? [],
      cutoffMinutes: DEFAULT_SETTINGS.cutoffMinutes,
    },
    timeZone: VIETNAM,
    service: {
      dailyCap: overrides.dailyCap ?? null,
      cutoffMinutes: overrides.serviceCutoff ?? null,
    },
    issuedToday: overrides.issuedToday ?? 0,
  };
}

describe('unavailableReason()', () => {
  test('answers null inside opening hours', () => {
    // Act
    const reason = unavailableReason(input({}), FRIDAY_0900);

    // Assert
    expect(reason).toBeNull();
  });

  test.each([
    ['outside hours', input({}), FRIDAY_1200],
    ['on a day without hours', input({}), SUNDAY_0900],
    ['on a holiday', input({ holidays: ['2026-11-27'] }), FRIDAY_0900],
  ])('answers centre_closed %s', (_name, given, now) => {
    // Act
    const reason = unavailableReason(given, now);

    // Assert
    expect(reason).toBe('centre_closed');
  });

  test('answers service_closed inside the centre cut-off', () => {
    // Act
    const reason = unavailableReason(input({}), FRIDAY_1120);

    // Assert
    expect(reason).toBe('service_closed');
  });

  test('lets a shorter service cut-off keep the service open', () => {
    // Act
    const reason = unavailableReason(input({ serviceCutoff: 5 }), FRIDAY_1120);

    // Assert
    expect(reason).toBeNull();
  });

  test('lets a longer service cut-off close the service earlier', () => {
    // Act
    const reason = unavailableReason(input({ serviceCutoff: 150 }), FRIDAY_0900);

    // Assert
    expect(reason).toBe('service_closed');
  });

  test('takes a service cut-off of 0 as no cut-off, not as "use the centre one"', () => {
    // Act
    const reason = unavailableReason(input({ serviceCutoff: 0 }), FRIDAY_1120);

    // Assert
    expect(reason).toBeNull();
  });

  test('reads opening hours keyed by weekday text', () => {
    // Arrange
    const sundayOnly = input({ openingHours: { '0': [{ open: '08:00', close: '10:00' }] } });

    // Act
    const sunday = unavailableReason(sundayOnly, SUNDAY_0900);
    const friday = unavailableReason(sundayOnly, FRIDAY_0900);

    // Assert
    expect(sunday).toBeNull();
    expect(friday).toBe('centre_closed');
  });

  test('ignores hours, holidays and cut-offs when the centre does not enforce them', () => {
    // Arrange
    const relaxed = input({ enforceOpeningHours: false, holidays: ['2026-11-29'] });

    // Act
    const reasons = [SUNDAY_0900, FRIDAY_1120, FRIDAY_1200].map((now) =>
      unavailableReason(relaxed, now),
    );

    // Assert
    expect(reasons).toEqual([null, null, null]);
  });

  test.each([
    [null, 500, null],
    [3, 2, null],
    [3, 3, 'daily_cap_reached'],
    [3, 4, 'daily_cap_reached'],
  ])('with a daily cap of %s and %d issued today answers %s', (dailyCap, issuedToday, expected) => {
    // Act
    const reason = unavailableReason(input({ dailyCap, issuedToday }), FRIDAY_0900);

    // Assert
    expect(reason).toBe(expected);
  });

  test('holds the daily cap even when opening hours are not enforced', () => {
    // Act
    const reason = unavailableReason(
      input({ enforceOpeningHours: false, dailyCap: 1, issuedToday: 1 }),
      FRIDAY_0900,
    );

    // Assert
    expect(reason).toBe('daily_cap_reached');
  });
});
