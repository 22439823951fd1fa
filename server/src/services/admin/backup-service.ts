import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AuditWho } from '../../auth/audit-trail';
import type { BackupInfo, BackupResponse } from '../../contract/backups';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import { isStorageFailure, StorageUnavailableError } from '../../storage/storage-errors';
import type { Clock } from '../core/clock';
import { MAX_IDEMPOTENCY_KEY_LENGTH, type CommandRunner } from '../core/command-runner';
import { freeBackupName, listBackups, parseBackupName, PARTIAL_SUFFIX } from './backup-files';

/** How backups are taken and kept; the deployment sets `keep`, tests shrink the rest. */
export interface BackupOptions {
  /** Automatic backups kept, newest first (LUOT_BACKUP_KEEP); 0 turns the daily one off. */
  keep: number;
  /** The hour (0–23, the centre's zone) from which the day's automatic backup is due. */
  hour: number;
  /** Refuse a backup that would leave less than this free on the disk. */
  minFreeBytes: number;
  /** Pages copied between two turns of the event loop. */
  pagesPerStep: number;
  /** How often the schedule looks whether the day's backup is due. */
  checkEveryMs: number;
  /** After an automatic backup failed, wait this long before trying again. */
  retryAfterMs: number;
}

/** 14 daily backups, taken from 02:00, leaving the database room to grow. */
export const DEFAULT_BACKUP_OPTIONS: BackupOptions = {
  keep: 14,
  hour: 2,
  minFreeBytes: 32 * 1024 * 1024,
  // 100 pages of 4 KiB take well under a millisecond: requests are answered between steps.
  pagesPerStep: 100,
  checkEveryMs: 60_000,
  retryAfterMs: 15 * 60_000,
};

/** What the schedule records as the author of its backups. */
export const SCHEDULE: AuditWho = { staffId: null, username: null, ip: null };

/** File system failures that mean the backup folder or its disk cannot take the file. */
const DISK_ERRNOS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'ENOTDIR',
  'EEXIST',
  'EIO',
  'EISDIR',
  'EFBIG',
]);

const KEY_PATTERN = /^[\x21-\x7e]+$/;

/**
 * Online backups of the live database into `LUOT_DATA_DIR/backups`, through SQLite's
 * backup API (never a file copy, which could catch the WAL half written). One at a time;
 * each is written under a hidden `.partial` name and renamed only once complete, so the
 * folder never holds a half backup. Audited like every change.
 */
export class BackupService {
  /** The folder, or null when the database lives in memory. */
  readonly dir: string | null;
  readonly options: BackupOptions;
  private running: Promise<BackupResponse> | null = null;

  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    options: Partial<BackupOptions> = {},
    private readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>,
  ) {
    this.options = { ...DEFAULT_BACKUP_OPTIONS, ...options };
    const file = repos.db.file;
    this.dir = file === ':memory:' ? null : path.join(path.dirname(path.resolve(file)), 'backups');
  }

  /** The backups on disk, newest first. */
  list(): BackupInfo[] {
    if (this.dir === null) return [];
    try {
      return listBackups(this.dir);
    } catch (error) {
      throw asStorageError(error);
    }
  }

  /** The path of a listed backup, for download; any other name is `not_found`. */
  file(name: string): { path: string; info: BackupInfo } {
    const info = parseBackupName(name) ? this.list().find((b) => b.name === name) : undefined;
    if (this.dir === null || !info) throw new DomainError('not_found', 'No such backup');
    return { path: path.join(this.dir, info.name), info };
  }

  /** True while a backup is being written. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Settles once no backup is being written (before the database closes). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * Takes a backup now: `backup_in_progress` while another is written, `storage_unavailable`
   * when the folder or the disk cannot take it. A repeated Idempotency-Key answers the
   * first backup again. An automatic one then drops the automatic ones past `keep`.
   */
  create(
    who: AuditWho,
    request: { automatic?: boolean; idempotencyKey?: string | undefined } = {},
  ): Promise<BackupResponse> {
    const automatic = request.automatic ?? false;
    const key = request.idempotencyKey;
    if (key !== undefined && (key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_PATTERN.test(key))) {
      throw new DomainError(
        'validation_failed',
        'Idempotency-Key must be 1–200 visible ASCII characters',
      );
    }
    const earlier = key === undefined ? undefined : this.repos.idempotency.find(scopeOf(who), key);
    if (earlier) return Promise.resolve(earlier.response as BackupResponse);
    // Taken before the first await: two requests at once never both pass.
    if (this.running) throw new DomainError('backup_in_progress', 'A backup is being written');
    const job = this.write(automatic).then((backup) => this.record(backup, who, key));
    this.running = job;
    const done = () => {
      if (this.running === job) this.running = null;
    };
    job.then(done, done);
    return job;
  }

  /** Audits the backup (and what retention removed) in one command. */
  private record(backup: BackupInfo, who: AuditWho, key: string | undefined): BackupResponse {
    const removed = backup.automatic ? this.prune() : [];
    return this.runner.run({ scope: scopeOf(who), idempotencyKey: key, request: {} }, (context) => {
      context.audit('backup.create', who, backup.name, {
        size: backup.size,
        automatic: backup.automatic,
        ...(removed.length > 0 && { removed }),
      });
      return { backup };
    }).value;
  }

  /**
   * A listed backup to download, audited as `backup.download` before a byte is sent: a
   * backup holds every password hash and token hash, so who took a copy is on record.
   */
  download(name: string, who: AuditWho): { path: string; info: BackupInfo } {
    const found = this.file(name);
    this.runner.run({ scope: 'backup.download', request: { name } }, (context) => {
      context.audit('backup.download', who, found.info.name, { size: found.info.size });
    });
    return found;
  }

  private async write(automatic: boolean): Promise<BackupInfo> {
    const dir = this.dir;
    if (dir === null) throw new DomainError('storage_unavailable', 'The database is in memory');
    let partial: string | null = null;
    try {
      fs.mkdirSync(dir, { recursive: true });
      sweepPartials(dir);
      this.ensureRoom(dir);
      const at = this.clock.now();
      const name = freeBackupName(dir, at, automatic);
      partial = path.join(dir, `.${name}${PARTIAL_SUFFIX}`);
      const pages = this.options.pagesPerStep;
      await this.repos.db.raw.backup(partial, { progress: () => pages });
      selfContained(partial);
      const final = path.join(dir, name);
      fs.renameSync(partial, final);
      partial = null;
      syncFolder(dir);
      const size = fs.statSync(final).size;
      this.logger?.info({ backup: name, size, automatic }, 'backup written');
      return { name, size, createdAt: new Date(at).toISOString(), automatic };
    } catch (error) {
      if (partial !== null) removeWithCompanions(partial);
      throw asStorageError(error);
    }
  }

  /** Refuses a backup the disk cannot hold with room to spare (the database must still grow). */
  private ensureRoom(dir: string): void {
    const raw = this.repos.db.raw;
    const size =
      Number(raw.pragma('page_count', { simple: true })) *
      Number(raw.pragma('page_size', { simple: true }));
    const { bavail, bsize } = fs.statfsSync(dir);
    const free = Number(bavail) * Number(bsize);
    if (free - size < this.options.minFreeBytes) {
      throw new DomainError(
        'storage_unavailable',
        `Not enough free space for a backup: ${free} bytes free, ${size} needed and ${this.options.minFreeBytes} kept`,
      );
    }
  }

  /** Removes the automatic backups past the newest `keep`; admins' backups stay. */
  private prune(): string[] {
    const dir = this.dir;
    if (dir === null) return [];
    const removed: string[] = [];
    for (const old of this.list()
      .filter((b) => b.automatic)
      .slice(this.options.keep)) {
      try {
        fs.rmSync(path.join(dir, old.name));
        removed.push(old.name);
      } catch (error) {
        this.logger?.warn({ err: error, backup: old.name }, 'old backup not removed');
      }
    }
    return removed;
  }
}

/** Each admin's Idempotency-Keys are their own, as for every other command. */
const scopeOf = (who: AuditWho) => `backup.create:staff:${who.staffId ?? 'schedule'}`;

/**
 * Turns the copy (in WAL mode, like its source) into one self-contained file in rollback
 * journal mode, so restoring is copying one file; opening it also proves it is a database.
 */
function selfContained(file: string): void {
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Makes the rename durable where the platform allows syncing a folder. */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; the file itself was synced by SQLite.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Drops what a backup interrupted by a crash left. */
function sweepPartials(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.luot-') && /\.partial(-journal|-wal|-shm)?$/.test(name)) {
      removeWithCompanions(path.join(dir, name.replace(/-(journal|wal|shm)$/, '')));
    }
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // A folder in its way, say: the name is never listed, and the next sweep tries again.
    }
  }
}

/** A disk or folder failure as `storage_unavailable`; anything else as it is. */
function asStorageError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (isStorageFailure(error)) return new StorageUnavailableError(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && DISK_ERRNOS.has(code)) {
    const failure = new DomainError(
      'storage_unavailable',
      `Backup failed: ${(error as Error).message}`,
    );
    failure.cause = error;
    return failure;
  }
  return error;
}
