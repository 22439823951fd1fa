import type { CounterDayResponse } from '@luot/contract';

/** What a counter did today: tickets finished and their mean service time. */
export interface DayFigures {
  served: number;
  /** Mean of finish − start over the tickets that were started; null when none was. */
  averageServiceMs: number | null;
}

/**
 * The figures the server counted for a counter's day (`GET /api/counters/:id/today`):
 * every ticket finished there, not a list's first 200.
 */
export function dayFigures(day: CounterDayResponse): DayFigures {
  return {
    served: day.served,
    averageServiceMs:
      day.averageServiceMinutes === null ? null : Math.round(day.averageServiceMinutes * 60000),
  };
}

/** Whole minutes a waiting ticket has waited, and whether that is past its service's target. */
export function waitOf(
  issuedAt: string,
  targetWaitMinutes: number | undefined,
  now: number,
): { minutes: number; overTarget: boolean } {
  const waitedMs = Math.max(0, now - Date.parse(issuedAt));
  const minutes = Math.floor(waitedMs / 60000);
  const overTarget =
    targetWaitMinutes !== undefined &&
    targetWaitMinutes > 0 &&
    waitedMs > targetWaitMinutes * 60000;
  return { minutes, overTarget };
}
