import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { HealthCheck, HealthResponse } from '../../contract/http';
import type { Repos } from '../../storage/repos';
import { StorageUnavailableError } from '../../storage/storage-errors';
import type { Clock } from '../core/clock';

/** How the health checks are paced and what counts as enough room. */
export interface HealthOptions {
  /** While every check passes, answer from the last run for this long. */
  recheckMs: number;
  /** Below this much free space on the data folder's disk, `diskSpace` fails. */
  minFreeBytes: number;
}

/** A passing result is reused for 2 s, so polling the health cannot become a stream of fsyncs. */
export const DEFAULT_HEALTH_OPTIONS: HealthOptions = {
  recheckMs: 2_000,
  // A command's commit grows the WAL by a few pages; below this the next ones may not fit.
  minFreeBytes: 512 * 1024,
};

const FAILED: HealthCheck = { ok: false, code: 'storage_unavailable' };

/**
 * Whether the server can do its job: a real committed write to a database that can still
 * grow, and room on the disk for the next ones. Runs the checks again at once after any
 * statement met a storage failure, and on every call while a check fails, so recovery
 * shows as soon as the disk takes writes again.
 */
export class HealthService {
  private readonly options: HealthOptions;
  private last: { at: number; failures: number; response: HealthResponse } | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    options: Partial<HealthOptions> = {},
    private readonly logger?: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.options = { ...DEFAULT_HEALTH_OPTIONS, ...options };
  }

  /** The health answer: `ok` when every check passes, else `degraded` naming the failing ones. */
  check(): HealthResponse {
    const now = this.clock.now();
    const last = this.last;
    const fresh =
      last !== null &&
      last.response.status === 'ok' &&
      last.failures === this.repos.db.storageFailures.count &&
      now >= last.at &&
      now - last.at < this.options.recheckMs;
    if (fresh) return last.response;

    const storage = this.probeWrite(now);
    const diskSpace = this.diskSpace();
    const response: HealthResponse = {
      status: storage.ok && diskSpace.ok ? 'ok' : 'degraded',
      checks: { storage, diskSpace },
    };
    if (response.status !== (last?.response.status ?? 'ok')) {
      const details = {
        checks: response.checks,
        sqliteCode: this.repos.db.storageFailures.lastCode,
      };
      if (response.status === 'ok') this.logger?.info(details, 'storage healthy again');
      else this.logger?.warn(details, 'storage degraded');
    }
    this.last = { at: now, failures: this.repos.db.storageFailures.count, response };
    return response;
  }

  private probeWrite(now: number): HealthCheck {
    try {
      // Busy: another connection of the server (the report thread) is writing; the probe
      // does not wait for it on the event loop, and the page check still runs.
      this.repos.health.probeWrite(now);
      return this.repos.health.canGrow() ? { ok: true } : FAILED;
    } catch (error) {
      if (error instanceof StorageUnavailableError) return FAILED;
      throw error;
    }
  }

  private diskSpace(): HealthCheck {
    const file = this.repos.db.file;
    if (file === ':memory:') return { ok: true };
    try {
      const stats = fs.statfsSync(path.dirname(path.resolve(file)));
      return stats.bavail * stats.bsize >= this.options.minFreeBytes ? { ok: true } : FAILED;
    } catch {
      // The data folder cannot even be queried (unmounted, I/O error): it cannot be written.
      return FAILED;
    }
  }
}
