import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Database } from './database';
import { spawnThread } from './spawn-thread';

/**
 * A checkpoint's answer: the WAL's frames and how many of them are in the file, or why
 * not; with `asked`, the main connection's count of changes when it was asked.
 */
export type CheckpointReply = { asked: number } & (
  { busy: boolean; log: number; checkpointed: number } | { error: string }
);

/** How often the checkpointer looks whether the thread has a checkpoint to do (ms). */
export const CHECKPOINT_EVERY_MS = 250;
/**
 * Rows changed since the last checkpoint that are worth one at the next tick (a dozen
 * tickets, a few hundred WAL frames); fewer wait up to `CHECKPOINT_MAX_WAIT_MS`.
 */
export const CHECKPOINT_MIN_CHANGES = 64;
/** Longest a few changed rows wait for their checkpoint (ms). */
export const CHECKPOINT_MAX_WAIT_MS = 30_000;
/**
 * The main connection's own automatic checkpoint, a safety net only (≈ 40 MB of WAL): with
 * the thread keeping up it is never reached, and if the thread fails it bounds the WAL.
 */
export const SAFETY_CHECKPOINT_FRAMES = 10_000;
/** SQLite's default, given back to the main connection when the thread keeps failing. */
export const DEFAULT_CHECKPOINT_FRAMES = 1_000;
/** Failures in a row after which the thread is given up and the main connection checkpoints. */
export const MAX_CHECKPOINT_FAILURES = 5;

/**
 * Moves the WAL's pages into the database file from a thread of its own, so the main
 * thread's commits never do it. With SQLite's automatic checkpoint, the commit that takes
 * the WAL past 1,000 frames copies them all and syncs the file before it returns; with
 * reports reading beside it, that one commit took ≈ 5 ms more, once every few seconds of
 * issuing: the issue path's p99. A PASSIVE checkpoint from another connection copies the
 * same pages without holding the write lock, so commits go on meanwhile.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private readonly timer: NodeJS.Timeout;
  private inFlight = false;
  /** The main connection's count of changed rows at the last complete checkpoint. */
  private checkedChanges: number;
  /** Thread failures (crash, exit) in a row. */
  private failures = 0;
  /** The last checkpoint failed in SQLite (told once until one succeeds). */
  private erring = false;
  /** When a change not yet checkpointed was first seen (`performance.now()`), or null. */
  private pendingSince: number | null = null;
  private readonly minChanges: number;
  private readonly maxWaitMs: number;
  private closed = false;
  /** The last answer (tests and the curious). */
  last: CheckpointReply | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: {
      everyMs?: number;
      /** Rows changed since the last checkpoint that are worth one at once. */
      minChanges?: number;
      /** Longest fewer changes wait for one (ms). */
      maxWaitMs?: number;
      /** The thread's script (tests inject a failing one). */
      entry?: string;
      /**
       * The thread failed (`givenUp` once it failed `MAX_CHECKPOINT_FAILURES` times in a
       * row), or a checkpoint failed in SQLite (once until one succeeds; asked again).
       */
      onFailure?: (message: string, givenUp: boolean) => void;
    } = {},
  ) {
    this.minChanges = options.minChanges ?? CHECKPOINT_MIN_CHANGES;
    this.maxWaitMs = options.maxWaitMs ?? CHECKPOINT_MAX_WAIT_MS;
    db.raw.pragma(`wal_autocheckpoint = ${SAFETY_CHECKPOINT_FRAMES}`);
    // Counted from here: what start-up wrote goes with the first checkpoint.
    this.checkedChanges = this.changes();
    this.timer = setInterval(() => this.tick(), options.everyMs ?? CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  /** True while the thread does the checkpoints (false once given up or closed). */
  get active(): boolean {
    return !this.closed && this.failures < MAX_CHECKPOINT_FAILURES;
  }

  /** Stops asking and ends the thread; the main connection checkpoints again from now on. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const worker = this.worker;
    this.worker = null;
    this.giveBack();
    if (worker) await worker.terminate();
  }

  private tick(): void {
    if (this.inFlight || !this.active) return;
    const changes = this.changes();
    // Nothing committed since the last complete checkpoint: nothing to copy.
    if (changes === this.checkedChanges) {
      this.pendingSince = null;
      return;
    }
    // A few rows (a sign-in, a setting) wait for more or for a while: a quiet server never
    // starts the thread, and a busy one asks every tick.
    const now = performance.now();
    this.pendingSince ??= now;
    const few = changes - this.checkedChanges < this.minChanges;
    if (few && now - this.pendingSince < this.maxWaitMs) return;
    this.inFlight = true;
    this.thread().postMessage(changes);
  }

  /** Rows the main connection has changed since it opened. */
  private changes(): number {
    return this.db.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const entry =
      this.options.entry ?? path.join(__dirname, `wal-checkpoint-entry${path.extname(__filename)}`);
    const worker = spawnThread(entry, { file: this.db.file });
    worker.unref();
    worker.on('message', (reply: CheckpointReply) => {
      this.inFlight = false;
      this.last = reply;
      if ('error' in reply) {
        // The thread is fine, the file is not (full, read-only): said once, asked again.
        if (!this.erring) this.options.onFailure?.(reply.error, false);
        this.erring = true;
        return;
      }
      this.erring = false;
      this.failures = 0;
      // Complete: every frame is in the file. Else (a reader holds some) ask again next time.
      if (!reply.busy && reply.checkpointed === reply.log) this.checkedChanges = reply.asked;
    });
    worker.on('error', (error) => this.failed(worker, error.message));
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.closed) this.failed(worker, `exited with ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  private failed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.inFlight = false;
    this.failures += 1;
    void worker.terminate();
    const givenUp = this.failures >= MAX_CHECKPOINT_FAILURES;
    if (givenUp) this.giveBack();
    this.options.onFailure?.(message, givenUp);
  }

  /** The main connection checkpoints by itself again, as SQLite does by default. */
  private giveBack(): void {
    try {
      this.db.raw.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_FRAMES}`);
    } catch {
      // The database is already closed.
    }
  }
}
