import type { Logger } from 'pino';
import type { BackupInfo } from '../../contract/backups';
import { serviceDay } from '../../contract/service-day';
import { DomainError } from '../../domain/errors';
import type { Clock } from '../core/clock';
import { SCHEDULE, type BackupService } from './backup-service';

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) an instant falls in, in the centre's zone. */
export function localHour(instant: number, timeZone: string): number {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, formatter);
  }
  return Number(formatter.formatToParts(new Date(instant)).find((p) => p.type === 'hour')?.value);
}

/**
 * The daily automatic backup. Every `checkEveryMs` it asks whether one is due: from the
 * set hour (02:00) of the centre's day, when that day has no automatic backup yet. So a
 * server running at night backs up at 02:00, and one switched off overnight backs up
 * within a minute of starting. A failed run is retried after `retryAfterMs`.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastFailureAt: number | null = null;

  constructor(
    private readonly backups: BackupService,
    private readonly clock: Clock,
    /** The centre's zone, read at each check (admins may change it). */
    private readonly timeZone: () => string,
    private readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>,
  ) {}

  /** Starts checking; the first check comes one interval after the start. */
  start(): void {
    if (this.timer !== null || this.stopped || this.backups.options.keep === 0) return;
    this.timer = setInterval(() => void this.tick(), this.backups.options.checkEveryMs);
    this.timer.unref();
  }

  /** Stops checking and waits for a backup being written. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.backups.idle();
  }

  /** True when the centre's day at `now` is past the hour and has no automatic backup. */
  isDue(now: number): boolean {
    const { keep, hour, retryAfterMs } = this.backups.options;
    if (keep === 0 || this.stopped) return false;
    if (this.lastFailureAt !== null && now - this.lastFailureAt < retryAfterMs) return false;
    const zone = this.timeZone();
    if (localHour(now, zone) < hour) return false;
    const today = serviceDay(now, zone);
    return !this.backups
      .list()
      .some((b) => b.automatic && serviceDay(Date.parse(b.createdAt), zone) === today);
  }

  /** One check: takes the day's backup when due. Never rejects; failures are logged. */
  async tick(): Promise<BackupInfo | null> {
    const now = this.clock.now();
    try {
      if (this.backups.busy || !this.isDue(now)) return null;
      const { backup } = await this.backups.create(SCHEDULE, { automatic: true });
      this.lastFailureAt = null;
      return backup;
    } catch (error) {
      // An admin's backup started in between: the next check takes the day's.
      if (error instanceof DomainError && error.code === 'backup_in_progress') return null;
      this.lastFailureAt = now;
      this.logger?.error({ err: error }, 'automatic backup failed');
      return null;
    }
  }
}
