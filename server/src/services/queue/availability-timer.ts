import type { Logger } from 'pino';
import type { FeedEnvelope } from '../../contract/events';
import { nextAvailabilityChange } from '../../domain/availability-boundary';
import type { Repos } from '../../storage/repos';
import type { SettingsService } from '../admin/settings-service';
import { emitCatalogue } from '../admin/catalogue-views';
import type { Clock } from '../core/clock';
import type { CommandRunner } from '../core/command-runner';
import type { QueueReader } from './queue-reader';

/**
 * The longest wait before the timer looks again: a wall clock set forward or back (a PC
 * whose time is corrected after boot) is noticed within this.
 */
export const MAX_AVAILABILITY_WAIT_MS = 60 * 60_000;

const REARMING_EVENTS: ReadonlySet<string> = new Set(['catalogue:updated', 'centre:updated']);

/** True when committed events may move the next boundary: new hours, cut-offs or services. */
export function movesBoundaries(events: readonly FeedEnvelope[]): boolean {
  return events.some((event) => REARMING_EVENTS.has(event.type));
}

/** What the timer reads and runs its command with. */
export interface AvailabilityTimerParts {
  repos: Repos;
  runner: CommandRunner;
  reader: QueueReader;
  settings: SettingsService;
  clock: Clock;
  timeZone: () => string;
  logger?: Pick<Logger, 'error'> | undefined;
}

/**
 * Announces the services again at each boundary of the centre's day (an opening, a
 * service's cut-off, a closing, midnight), so open kiosks grey a service out at its
 * cut-off and offer it again at opening without waiting for a visitor's tap. One timer,
 * set for the next boundary from the injected clock; re-armed after each boundary and
 * after every settings or catalogue change; `server.ts` starts and stops it.
 */
export class AvailabilityTimer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** The boundary the timer is set for. */
  private due: number | null = null;

  constructor(private readonly parts: AvailabilityTimerParts) {}

  /** Sets the timer for the next boundary. */
  start(): void {
    this.running = true;
    this.arm();
  }

  /** Clears the timer for good. */
  stop(): void {
    this.running = false;
    this.clear();
  }

  /** The boundary the timer waits for, or null when stopped. */
  nextBoundary(): number | null {
    return this.due;
  }

  /** Sets (or resets) the timer for the next boundary after now; nothing before `start()`. */
  arm(): void {
    if (!this.running) return;
    const { repos, settings, clock, timeZone } = this.parts;
    const now = clock.now();
    const cutoffs = repos.services.listActive().map((service) => service.cutoffMinutes);
    this.setFor(
      nextAvailabilityChange({ settings: settings.current(), timeZone: timeZone(), cutoffs }, now),
      now,
    );
  }

  /**
   * Looks at the clock now, as the timer does when it fires: announces the boundary if the
   * clock has reached it, else waits on. For a clock that jumps instead of running (the
   * simulator's stepped clock, scripts/simulate), which no wall-clock timer can follow.
   */
  check(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.fire();
  }

  private setFor(due: number, now: number): void {
    this.clear();
    this.due = due;
    this.timer = setTimeout(() => this.fire(), Math.min(due - now, MAX_AVAILABILITY_WAIT_MS));
    this.timer.unref();
  }

  /**
   * At the boundary: the services as the kiosk now sees them, as one command (its event
   * re-arms the timer). Woken early (a long wait cut short, a clock set back): waits on.
   */
  private fire(): void {
    this.timer = null;
    const due = this.due;
    const now = this.parts.clock.now();
    if (!this.running || due === null) return;
    if (now < due) {
      this.setFor(due, now);
      return;
    }
    try {
      this.parts.runner.run({ scope: 'catalogue:boundary', request: null }, (context) =>
        emitCatalogue(context, this.parts.reader),
      );
    } catch (error) {
      this.parts.logger?.error({ err: error }, 'services not re-announced at a boundary');
    }
    this.arm();
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.due = null;
  }
}
