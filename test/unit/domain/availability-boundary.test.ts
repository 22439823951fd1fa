import {
  nextAvailabilityChange,
  type BoundaryInput,
} from '../../../server/src/domain/availability-boundary';
import { unavailableReason } from '../../../server/src/domain/availability';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** The instant a Vietnamese wall clock reads `time` on `day`. */
const local = (day: string, time: string) => Date.parse(`${day}T${time}+07:00`);

/** Default hours (Mon–Fri 07:30–11:30 and 13:30–17:00, Sat morning), cut-off 15, enforced. */
function input(overrides: Partial<BoundaryInput['settings']> & { cutoffs?: (number | null)[] }) {
  return {
    settings: {
      enforceOpeningHours: overrides.enforceOpeningHours ?? true,
      openingHours: overrides.openingHours ?? DEFAULT_SETTINGS.openingHours,
      holidays: overrides.holidays ?? [],
      cutoffMinutes: overrides.cutoffMinutes ?? DEFAULT_SETTINGS.cutoffMinutes,
    },
    timeZone: VIETNAM,
    cutoffs: overrides.cutoffs ?? [null],
  };
}

describe('nextAvailabilityChange()', () => {
  test('walks a Friday through the centre cut-off, each service cut-off, closing and opening', () => {
    const cutoffs = { cutoffs: [null, 30] };
    const steps = ['07:00:00', '07:30:00', '11:00:00', '11:15:00', '11:30:00', '13:30:00'];
    const seen = steps.map((time) =>
      new Date(nextAvailabilityChange(input(cutoffs), local('2026-11-27', time))).toISOString(),
    );
    expect(seen).toEqual([
      '2026-11-27T00:30:00.000Z', // 07:30 opening
      '2026-11-27T04:00:00.000Z', // 11:00 the 30-minute service's cut-off
      '2026-11-27T04:15:00.000Z', // 11:15 the centre's cut-off
      '2026-11-27T04:30:00.000Z', // 11:30 closing
      '2026-11-27T06:30:00.000Z', // 13:30 afternoon opening
      '2026-11-27T09:30:00.000Z', // 16:30 the 30-minute service's cut-off
    ]);
  });

  test('a boundary falls where the kiosk starts refusing, to the millisecond', () => {
    const now = local('2026-11-27', '10:59:59.250');
    const boundary = nextAvailabilityChange(input({ cutoffs: [30] }), now);
    const service = { dailyCap: null, cutoffMinutes: 30 };
    const availability = { ...input({}), service, issuedToday: 0 };
    expect(boundary - now).toBe(750);
    expect(unavailableReason(availability, boundary - 1)).toBeNull();
    expect(unavailableReason(availability, boundary)).toBe('service_closed');
  });

  test('after the last closing, on a holiday, or when hours are not enforced: the next midnight', () => {
    const midnight = Date.parse('2026-11-27T17:00:00Z');
    expect(nextAvailabilityChange(input({}), local('2026-11-27', '17:05:00'))).toBe(midnight);
    expect(
      nextAvailabilityChange(input({ holidays: ['2026-11-27'] }), local('2026-11-27', '07:00:00')),
    ).toBe(midnight);
    expect(
      nextAvailabilityChange(
        input({ enforceOpeningHours: false }),
        local('2026-11-27', '07:00:00'),
      ),
    ).toBe(midnight);
  });

  test('reads the hours in the centre zone across a summer-time change', () => {
    const paris = { ...input({}), timeZone: 'Europe/Paris' };
    // Sunday 29/03/2026: 02:00 jumps to 03:00, so Monday's midnight is 22:00 UTC.
    const now = Date.parse('2026-03-29T00:30:00Z');
    expect(new Date(nextAvailabilityChange(paris, now)).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    // Monday 30/03/2026 in summer time: opening 07:30 is 05:30 UTC.
    expect(
      new Date(nextAvailabilityChange(paris, Date.parse('2026-03-30T04:00:00Z'))).toISOString(),
    ).toBe('2026-03-30T05:30:00.000Z');
  });
});
