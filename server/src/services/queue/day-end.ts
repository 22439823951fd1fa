import { serviceDay } from '../../domain/service-day';
import type { Repos } from '../../storage/repos';
import type { CommandContext, CommandRunner } from '../core/command-runner';
import type { TicketMover } from './ticket-mover';

/** Oldest idempotency record kept: a day and a margin. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 60 * 60 * 1000;

/** The end of the service day: open tickets of earlier days expire; old request keys go. */
export class DayEnd {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly mover: TicketMover,
    private readonly timeZone: () => string,
  ) {}

  /**
   * Ends the service days that are over: tickets still open from an earlier day
   * expire, so numbering restarts cleanly. Runs at start, on a timer, and
   * inside every command, so no stale ticket is ever called.
   */
  rollOver(): number {
    return this.runner.run({ scope: 'day:roll-over', request: null }, (context) => {
      this.repos.idempotency.prune(context.at - IDEMPOTENCY_RETENTION_MS);
      return this.expireEarlierDays(context);
    }).value;
  }

  /** Expires what earlier days left open, inside the caller's command. */
  expireEarlierDays(context: CommandContext): number {
    const today = serviceDay(context.at, this.timeZone());
    const stale = this.repos.tickets.openBefore(today);
    for (const ticket of stale) this.mover.move(ticket, { kind: 'expire' }, context);
    return stale.length;
  }
}
