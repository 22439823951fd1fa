import type {
  FeedEnvelope,
  PrinterRemoved,
  PrinterStatusReport,
  StateSnapshot,
  SyncResult,
} from '@luot/contract';
import { applyEvent, withCallsOfDay } from './apply-event';
import { applyPrinterList, applyPrinterRemoved, applyPrinterStatus } from './printers';
import { noteServerTime } from './server-time';

/** What a feed tells its owner. */
export interface QueueFeedListener {
  /** The state changed (once per batch of events or per snapshot). */
  onState(state: StateSnapshot): void;
  /** One event was applied; called once per seq, in seq order. Snapshots do not call it. */
  onEvent?(envelope: FeedEnvelope): void;
  /** A sync or a fresh snapshot failed; the feed tries again later. */
  onError?(error: unknown): void;
}

/** Timers the feed waits on before trying again; tests drive their own. */
export interface FeedTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a feed catches up when the first try fails. */
export interface QueueFeedOptions {
  /** A fresh snapshot from elsewhere (`GET /api/state`), taken after repeated failures. */
  fetchSnapshot?: () => Promise<StateSnapshot>;
  timers?: FeedTimers;
  /** Waits before each retry, the last one repeating. */
  retryDelaysMs?: readonly number[];
  /** Failed tries after which the feed takes a fresh snapshot instead of syncing. */
  snapshotAfterFailures?: number;
}

/** Retry waits: growing, then every 15 s (a `rate_limited` sync waits out its window). */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 15_000] as const;

/** Three failed syncs in a row: give up on catching up and take a fresh snapshot. */
export const SNAPSHOT_AFTER_FAILURES = 3;

const browserTimers: FeedTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const bySeq = (a: FeedEnvelope, b: FeedEnvelope) => a.payload.seq - b.payload.seq;

/**
 * Follows the server's event feed: holds the state, applies each event exactly once
 * in seq order, and catches up through `sync` after a reconnect or a gap. An event past
 * a gap is held, never applied, until the gap is filled: a failed sync (a timeout,
 * `rate_limited`) is tried again after a growing wait, and after repeated failures the
 * feed takes a fresh snapshot instead. Pure of sockets and React: the caller feeds it
 * what the socket receives.
 */
export class QueueFeed {
  private state: StateSnapshot | null = null;
  /** The sync or fresh snapshot under way, if any; live events wait while it runs. */
  private running: Promise<void> | null = null;
  private pending: FeedEnvelope[] = [];
  /** A snapshot pushed during a catch-up, applied once the catch-up settles. */
  private heldSnapshot: StateSnapshot | null = null;
  private failures = 0;
  private retryTimer: unknown = null;
  /** Counts snapshots pushed by the server, so an older answer never replaces a newer one. */
  private snapshots = 0;
  /** Numbers each catch-up request; an answer to an abandoned one is ignored. */
  private generation = 0;
  private readonly timers: FeedTimers;

  constructor(
    private readonly sync: (sinceSeq: number) => Promise<SyncResult>,
    private readonly listener: QueueFeedListener,
    private readonly options: QueueFeedOptions = {},
  ) {
    this.timers = options.timers ?? browserTimers;
  }

  /** The last seq applied, or null before the first snapshot. */
  get lastSeq(): number | null {
    return this.state?.seq ?? null;
  }

  /** The current state, or null before the first snapshot. */
  get current(): StateSnapshot | null {
    return this.state;
  }

  /**
   * A full snapshot replaces the state; events it already covers will be ignored. One
   * pushed while a catch-up is under way (a reconnection: the screen syncs from its last
   * seq as the server sends the new connection its snapshot) waits for that sync, so the
   * events missed offline are applied one by one first (a hall display announces each
   * missed call once) and the snapshot then replaces the state unless it is older.
   */
  receiveSnapshot(snapshot: StateSnapshot): void {
    this.snapshots += 1;
    this.failures = 0;
    this.cancelRetry();
    if (this.running !== null && this.state !== null && snapshot.seq > this.state.seq) {
      this.heldSnapshot = snapshot;
      return;
    }
    this.replaceState(snapshot);
    if (this.running === null) this.flushAndFillGap();
  }

  /** A live event: applied if it is the next one, dropped if already applied, else held. */
  receiveEvent(envelope: FeedEnvelope): void {
    this.pending.push(envelope);
    if (this.state !== null && this.running === null) this.flushAndFillGap();
  }

  /**
   * A live `printer:status` report (not part of the feed, no seq): merged at once. Before
   * the first snapshot it is dropped, since the snapshot carries every printer's state.
   */
  receivePrinterStatus(report: PrinterStatusReport): void {
    this.applyPrinterChange((state) => applyPrinterStatus(state, report));
  }

  /** A live `printer:removed` notice: the printer leaves the list at once. */
  receivePrinterRemoved(removed: PrinterRemoved): void {
    this.applyPrinterChange((state) => applyPrinterRemoved(state, removed));
  }

  /**
   * The socket connected again. A catch-up still under way was asked on the connection that
   * dropped and will never be answered (it only times out): it is abandoned, its answer
   * ignored if one comes, and a fresh one asked on this connection at once.
   */
  reconnected(): Promise<void> {
    if (this.running !== null) {
      this.generation += 1;
      this.running = null;
    }
    return this.catchUp();
  }

  /** To fill a gap (or after a reconnect): asks for everything after the last applied seq. */
  catchUp(): Promise<void> {
    if (this.state === null) return Promise.resolve();
    if (this.running !== null) return this.running;
    this.cancelRetry();
    if (
      this.options.fetchSnapshot !== undefined &&
      this.failures >= (this.options.snapshotAfterFailures ?? SNAPSHOT_AFTER_FAILURES)
    ) {
      return this.run(this.options.fetchSnapshot(), (snapshot, superseded) => {
        if (!superseded) this.replaceState(snapshot);
      });
    }
    return this.run(this.sync(this.state.seq), (result, superseded) => {
      if (result.kind === 'snapshot') {
        if (!superseded) this.replaceState(result.snapshot);
      } else if (this.state !== null) {
        // The printers as the server has them now, then the missed events.
        this.applyAll(result.events, applyPrinterList(this.state, result.printers));
      }
    });
  }

  /**
   * Drops the calls of service days before the one `now` falls on: a screen left open
   * overnight with no event since shows the new day empty.
   */
  rollDay(now: number): void {
    if (this.state === null) return;
    const next = withCallsOfDay(this.state, now);
    if (next === this.state) return;
    this.state = next;
    this.listener.onState(next);
  }

  /** Stops waiting to try again (the page is going away). */
  dispose(): void {
    this.cancelRetry();
  }

  /**
   * Runs one catch-up request; live events are held until it settles. `superseded` tells
   * `apply` that the server pushed a snapshot meanwhile (a reconnection): newer than any
   * snapshot in the answer. A snapshot held meanwhile is applied only after a catch-up
   * that succeeded: after a failed one it stays held for the retry, so the events missed
   * offline are still applied (and announced) one by one before it.
   */
  private run<T>(
    request: Promise<T>,
    apply: (answer: T, superseded: boolean) => void,
  ): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const snapshotsBefore = this.snapshots;
    let failed = false;
    const running = request
      .then(
        (answer) => {
          if (current()) apply(answer, this.snapshots !== snapshotsBefore);
        },
        (error: unknown) => {
          if (!current()) return;
          failed = true;
          this.listener.onError?.(error);
        },
      )
      .finally(() => {
        if (!current()) return;
        this.running = null;
        if (!failed) this.applyHeldSnapshot();
        const gap = this.flushPending();
        if (failed || gap) this.scheduleRetry();
        else this.failures = 0;
      });
    this.running = running;
    return running;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.failures += 1;
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.failures, delays.length) - 1] ?? 0;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.catchUp();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer === null) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Applies what it can of the held events; a gap left starts a sync unless one waits. */
  private flushAndFillGap(): void {
    if (this.flushPending() && this.retryTimer === null) void this.catchUp();
  }

  /** The snapshot held during a catch-up, unless the events applied went past it. */
  private applyHeldSnapshot(): void {
    const held = this.heldSnapshot;
    this.heldSnapshot = null;
    if (held !== null && (this.state === null || held.seq >= this.state.seq)) {
      this.replaceState(held);
    }
  }

  private replaceState(snapshot: StateSnapshot): void {
    noteServerTime(snapshot.serverTime);
    this.state = snapshot;
    this.listener.onState(snapshot);
  }

  /**
   * Applies the held events that follow on from the state, drops those it covers and
   * keeps those past a gap; returns whether one is left.
   */
  private flushPending(): boolean {
    if (this.state === null) return false;
    const held = [...this.pending].sort(bySeq);
    this.pending = [];
    const ready: FeedEnvelope[] = [];
    let next = this.state.seq + 1;
    for (const envelope of held) {
      if (envelope.payload.seq < next) continue;
      if (envelope.payload.seq === next) {
        ready.push(envelope);
        next += 1;
      } else this.pending.push(envelope);
    }
    if (ready.length > 0) this.applyAll(ready);
    return this.pending.length > 0;
  }

  private applyPrinterChange(change: (state: StateSnapshot) => StateSnapshot): void {
    if (this.state === null) return;
    const next = change(this.state);
    if (next === this.state) return;
    this.state = next;
    this.listener.onState(next);
  }

  /** Applies events in seq order to `from` (the current state unless given). */
  private applyAll(envelopes: FeedEnvelope[], from: StateSnapshot | null = this.state): void {
    if (from === null) return;
    const ordered = [...envelopes].sort((a, b) => a.payload.seq - b.payload.seq);
    const before = this.state;
    let state = from;
    this.state = state;
    for (const envelope of ordered) {
      if (envelope.payload.seq <= state.seq) continue;
      state = applyEvent(state, envelope);
      this.state = state;
      this.listener.onEvent?.(envelope);
    }
    if (state !== before) this.listener.onState(state);
  }
}
