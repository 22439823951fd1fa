import type { Ticket } from '@luot/contract';

/** What a counter did today: tickets finished and their mean service time. */
export interface DayFigures {
  served: number;
  /** Mean of finish − start over the tickets that were started; null when none was. */
  averageServiceMs: number | null;
}

/** The figures of a counter's finished tickets (`GET /api/tickets?list=done&counterId=`). */
export function dayFigures(done: readonly Ticket[]): DayFigures {
  const durations = done.flatMap((ticket) =>
    ticket.servingAt !== null && ticket.finishedAt !== null
      ? [Math.max(0, Date.parse(ticket.finishedAt) - Date.parse(ticket.servingAt))]
      : [],
  );
  const total = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    served: done.length,
    averageServiceMs: durations.length === 0 ? null : total / durations.length,
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
