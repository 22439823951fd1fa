import type {
  FeedEnvelope,
  PrinterRemoved,
  PrinterStatusReport,
  StateSnapshot,
  SyncResult,
} from '@luot/contract';
import { applyEvent } from './apply-event';
import { applyPrinterList, applyPrinterRemoved, applyPrinterStatus } from './printers';
import { noteServerTime } from './server-time';

/** What a feed tells its owner. */
export interface QueueFeedListener {
  /** The state changed (once per batch of events or per snapshot). */
  onState(state: StateSnapshot): void;
  /** One event was applied; called once per seq, in seq order. Snapshots do not call it. */
  onEvent?(envelope: FeedEnvelope): void;
  /** A sync failed; the feed goes on with what it has. */
  onError?(error: unknown): void;
}

/**
 * Follows the server's event feed: holds the state, applies each event exactly once
 * in seq order, and catches up through `sync` after a reconnect or a gap. Pure of
 * sockets and React: the caller feeds it what the socket receives.
 */
export class QueueFeed {
  private state: StateSnapshot | null = null;
  private syncing = false;
  private pending: FeedEnvelope[] = [];

  constructor(
    private readonly sync: (sinceSeq: number) => Promise<SyncResult>,
    private readonly listener: QueueFeedListener,
  ) {}

  /** The last seq applied, or null before the first snapshot. */
  get lastSeq(): number | null {
    return this.state?.seq ?? null;
  }

  /** The current state, or null before the first snapshot. */
  get current(): StateSnapshot | null {
    return this.state;
  }

  /** A full snapshot replaces the state; events it already covers will be ignored. */
  receiveSnapshot(snapshot: StateSnapshot): void {
    noteServerTime(snapshot.serverTime);
    this.state = snapshot;
    this.listener.onState(snapshot);
    if (!this.syncing) this.flushPending();
  }

  /** A live event: applied if it is the next one, dropped if already applied, else held. */
  receiveEvent(envelope: FeedEnvelope): void {
    if (this.state === null || this.syncing) {
      this.pending.push(envelope);
      return;
    }
    const seq = envelope.payload.seq;
    if (seq <= this.state.seq) return;
    if (seq > this.state.seq + 1) {
      this.pending.push(envelope);
      void this.catchUp();
      return;
    }
    this.applyAll([envelope]);
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

  /** After a reconnect: asks for everything after the last applied seq. */
  catchUp(): Promise<void> {
    if (this.state === null || this.syncing) return Promise.resolve();
    this.syncing = true;
    return this.sync(this.state.seq)
      .then(
        (result) => {
          if (result.kind === 'snapshot') {
            noteServerTime(result.snapshot.serverTime);
            this.state = result.snapshot;
            this.listener.onState(result.snapshot);
          } else if (this.state !== null) {
            // The printers as the server has them now, then the missed events.
            this.applyAll(result.events, applyPrinterList(this.state, result.printers));
          }
        },
        (error: unknown) => this.listener.onError?.(error),
      )
      .finally(() => {
        this.syncing = false;
        this.flushPending();
      });
  }

  private flushPending(): void {
    const held = this.pending;
    this.pending = [];
    if (held.length > 0) this.applyAll(held);
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
