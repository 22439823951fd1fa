import type { CentreSettings } from '../contract/settings';
import type { OpeningInterval } from '../contract/settings';
import { closedReason, issuingIntervals, type CentreCalendar } from './calendar';
import { rangeSize } from './numbering';

/** Why the kiosk does not issue for a service right now. */
export type Unavailable = 'centre_closed' | 'service_closed' | 'daily_cap_reached';

/** What decides whether a service takes new tickets. */
export interface AvailabilityInput {
  settings: Pick<
    CentreSettings,
    'enforceOpeningHours' | 'openingHours' | 'holidays' | 'cutoffMinutes'
  >;
  timeZone: string;
  service: {
    dailyCap: number | null;
    cutoffMinutes: number | null;
    /** A number range caps the day's tickets at its size too. */
    numberRange?: { from: number; to: number } | null;
  };
  /** Tickets already issued for the service today. */
  issuedToday: number;
}

/**
 * Null when a ticket may be issued at `now`; otherwise the refusal code.
 * The daily cap holds always; opening hours, holidays and the cut-off only
 * when the centre enforces them.
 */
export function unavailableReason(input: AvailabilityInput, now: number): Unavailable | null {
  const { settings, service } = input;
  const caps = [service.dailyCap, rangeSize(service.numberRange ?? null)].filter(
    (cap): cap is number => cap !== null,
  );
  if (caps.some((cap) => input.issuedToday >= cap)) return 'daily_cap_reached';
  if (!settings.enforceOpeningHours) return null;
  const reason = closedReason(
    calendarOf(input),
    now,
    service.cutoffMinutes ?? settings.cutoffMinutes,
  );
  if (reason === null) return null;
  return reason === 'after_cutoff' ? 'service_closed' : 'centre_closed';
}

/** The centre's calendar as the domain reads it. */
function calendarOf(input: Pick<AvailabilityInput, 'settings' | 'timeZone'>): CentreCalendar {
  return {
    timeZone: input.timeZone,
    weekly: Object.fromEntries(
      Object.entries(input.settings.openingHours).map(([day, spans]) => [Number(day), spans]),
    ),
    holidays: input.settings.holidays,
  };
}

/**
 * When the kiosk issues the service's tickets on `now`'s day, in the centre's zone: the
 * day's opening intervals with the service's cut-off (else the centre's) taken off each
 * end. Empty on a holiday or closed day. Shown whether or not the centre enforces them.
 */
export function issuingHours(
  input: Pick<AvailabilityInput, 'settings' | 'timeZone' | 'service'>,
  now: number,
): OpeningInterval[] {
  return issuingIntervals(
    calendarOf(input),
    now,
    input.service.cutoffMinutes ?? input.settings.cutoffMinutes,
  );
}
