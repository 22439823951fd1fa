import type { CentreSettings } from '../contract/settings';
import { closedReason } from './calendar';

/** Why the kiosk does not issue for a service right now. */
export type Unavailable = 'centre_closed' | 'service_closed' | 'daily_cap_reached';

/** What decides whether a service takes new tickets. */
export interface AvailabilityInput {
  settings: Pick<
    CentreSettings,
    'enforceOpeningHours' | 'openingHours' | 'holidays' | 'cutoffMinutes'
  >;
  timeZone: string;
  service: { dailyCap: number | null; cutoffMinutes: number | null };
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
  if (service.dailyCap !== null && input.issuedToday >= service.dailyCap)
    return 'daily_cap_reached';
  if (!settings.enforceOpeningHours) return null;
  const reason = closedReason(
    {
      timeZone: input.timeZone,
      weekly: Object.fromEntries(
        Object.entries(settings.openingHours).map(([day, spans]) => [Number(day), spans]),
      ),
      holidays: settings.holidays,
    },
    now,
    service.cutoffMinutes ?? settings.cutoffMinutes,
  );
  if (reason === null) return null;
  return reason === 'after_cutoff' ? 'service_closed' : 'centre_closed';
}
