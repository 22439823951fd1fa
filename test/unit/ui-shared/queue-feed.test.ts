import type { FeedEnvelope, StateSnapshot, SyncResult } from '../../../server/src/contract';
import { ApiRequestError } from '../../../ui-shared/src/api';
import { QueueFeed, type FeedTimers } from '../../../ui-shared/src/queue-feed';
import { calledEvent, issuedEvent, snapshot } from './fixtures';

/** Timers the test fires by hand, recording each wait asked for. */
class ManualTimers implements FeedTimers {
  readonly waits: number[] = [];
  private due = new Map<number, () => void>();
  private nextHandle = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    this.waits.push(ms);
    const handle = this.nextHandle++;
    this.due.set(handle, callback);
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get scheduled(): number {
    return this.due.size;
  }

  /** Runs every callback that is waiting. */
  fire(): void {
    const callbacks = [...this.due.values()];
    this.due.clear();
    callbacks.forEach((callback) => callback());
  }
}

/** A feed whose `sync` answers are queued by the test, recording what it reports. */
function setUp() {
  const states: StateSnapshot[] = [];
  const applied: number[] = [];
  const syncCalls: number[] = [];
  const answers: Array<(result: SyncResult) => void> = [];
  const failures: Array<(error: Error) => void> = [];
  const snapshotAnswers: Array<(result: StateSnapshot) => void> = [];
  const timers = new ManualTimers();
  const errors: unknown[] = [];
  const feed = new QueueFeed(
    (sinceSeq) => {
      syncCalls.push(sinceSeq);
      return new Promise<SyncResult>((resolve, reject) => {
        answers.push(resolve);
        failures.push(reject);
      });
    },
    {
      onState: (state) => states.push(state),
      onEvent: (envelope: FeedEnvelope) => applied.push(envelope.payload.seq),
      onError: (error) => errors.push(error),
    },
    {
      timers,
      retryDelaysMs: [1_000, 2_000, 5_000],
      snapshotAfterFailures: 3,
      fetchSnapshot: () => new Promise<StateSnapshot>((resolve) => snapshotAnswers.push(resolve)),
    },
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const failSync = async (index: number) => {
    failures[index]?.(new Error('timeout'));
    await settle();
  };
  return {
    feed,
    states,
    applied,
    syncCalls,
    answers,
    failures,
    failSync,
    snapshotAnswers,
    timers,
    errors,
    settle,
  };
}

describe('QueueFeed', () => {
  test('applies the next event after a snapshot', () => {
    const { feed, applied } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    feed.receiveEvent(issuedEvent(11, 3));

    expect(applied).toEqual([11]);
    expect(feed.current?.services[0]?.waiting).toBe(3);
  });

  test('never applies an event whose seq is not above the last applied one', () => {
    const { feed, applied } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(issuedEvent(11, 3));

    feed.receiveEvent(issuedEvent(11, 9));
    feed.receiveEvent(issuedEvent(9, 9));

    expect(applied).toEqual([11]);
    expect(feed.current?.services[0]?.waiting).toBe(3);
  });

  test('holds events that arrive before the first snapshot and drops those it covers', () => {
    const { feed, applied } = setUp();

    feed.receiveEvent(issuedEvent(10, 1));
    feed.receiveEvent(issuedEvent(11, 5));
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    expect(applied).toEqual([11]);
    expect(feed.lastSeq).toBe(11);
  });

  test('on reconnect asks for events since the last seq and applies them in order', async () => {
    const { feed, applied, syncCalls, answers } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    const done = feed.catchUp();
    answers[0]?.({
      kind: 'events',
      events: [calledEvent(12, 2), issuedEvent(11, 4), issuedEvent(10, 0)],
      printers: [],
    });
    await done;

    expect(syncCalls).toEqual([10]);
    expect(applied).toEqual([11, 12]);
    expect(feed.current?.recentCalls[0]?.ticketId).toBe(2);
  });

  test('replaces the state when the sync answers with a snapshot', async () => {
    const { feed, applied, answers } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    const done = feed.catchUp();
    answers[0]?.({ kind: 'snapshot', snapshot: snapshot({ seq: 50, recentCalls: [] }) });
    await done;
    feed.receiveEvent(issuedEvent(50, 7));

    expect(feed.lastSeq).toBe(50);
    expect(applied).toEqual([]);
  });

  test('holds live events during a sync and applies only the ones it did not return', async () => {
    const { feed, applied, answers } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    const done = feed.catchUp();
    feed.receiveEvent(calledEvent(12, 2));
    feed.receiveEvent(issuedEvent(13, 1));
    answers[0]?.({
      kind: 'events',
      events: [issuedEvent(11, 3), calledEvent(12, 2)],
      printers: [],
    });
    await done;

    expect(applied).toEqual([11, 12, 13]);
  });

  test('syncs when a live event skips a seq, then applies the held event after the missing ones', async () => {
    const { feed, applied, syncCalls, answers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    feed.receiveEvent(calledEvent(12, 2));
    expect(applied).toEqual([]);
    answers[0]?.({ kind: 'events', events: [issuedEvent(11, 3)], printers: [] });
    await settle();

    expect(syncCalls).toEqual([10]);
    expect(applied).toEqual([11, 12]);
  });

  test('never applies an event past a gap when the sync fails, and syncs again after a wait', async () => {
    const { feed, applied, syncCalls, answers, failSync, timers, errors, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(calledEvent(12, 2));

    await failSync(0);
    feed.receiveEvent(issuedEvent(13, 1));

    expect(applied).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(timers.waits).toEqual([1_000]);
    expect(syncCalls).toEqual([10]);

    timers.fire();
    answers[1]?.({ kind: 'events', events: [issuedEvent(11, 3)], printers: [] });
    await settle();

    expect(syncCalls).toEqual([10, 10]);
    expect(applied).toEqual([11, 12, 13]);
    expect(timers.scheduled).toBe(0);
  });

  test('waits longer after each failure', async () => {
    const { feed, failSync, timers } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(calledEvent(12, 2));

    await failSync(0);
    timers.fire();
    await failSync(1);

    expect(timers.waits).toEqual([1_000, 2_000]);
  });

  test('treats a rate_limited answer as a failure to try again later', async () => {
    const { feed, applied, syncCalls, failures, timers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(calledEvent(12, 2));

    failures[0]?.(new ApiRequestError('rate_limited', 'Quá nhiều yêu cầu.'));
    await settle();

    expect(applied).toEqual([]);
    expect(timers.scheduled).toBe(1);
    timers.fire();
    expect(syncCalls).toEqual([10, 10]);
  });

  test('after repeated failures takes a fresh snapshot and applies only held events after it', async () => {
    const { feed, applied, syncCalls, failSync, snapshotAnswers, timers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(calledEvent(12, 2));
    await failSync(0);
    timers.fire();
    await failSync(1);
    timers.fire();
    await failSync(2);
    feed.receiveEvent(issuedEvent(15, 4));

    timers.fire();
    expect(syncCalls).toEqual([10, 10, 10]);
    expect(snapshotAnswers).toHaveLength(1);
    snapshotAnswers[0]?.(snapshot({ seq: 14 }));
    await settle();

    expect(feed.lastSeq).toBe(15);
    expect(applied).toEqual([15]);
    expect(timers.scheduled).toBe(0);
  });

  test('a snapshot pushed on reconnection cancels the waiting retry', async () => {
    const { feed, applied, syncCalls, failSync, timers } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    feed.receiveEvent(calledEvent(12, 2));
    await failSync(0);

    feed.receiveSnapshot(snapshot({ seq: 11 }));

    expect(applied).toEqual([12]);
    expect(timers.scheduled).toBe(0);
    expect(syncCalls).toEqual([10]);
  });

  test('an older snapshot answer never replaces a snapshot pushed while it was on its way', async () => {
    const { feed, answers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    const done = feed.catchUp();

    feed.receiveSnapshot(snapshot({ seq: 30 }));
    answers[0]?.({ kind: 'snapshot', snapshot: snapshot({ seq: 20 }) });
    await done;
    await settle();

    expect(feed.lastSeq).toBe(30);
  });

  test('a snapshot pushed during a reconnection’s sync waits: the missed events are applied one by one first', async () => {
    const { feed, applied, states, answers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    const done = feed.catchUp();

    // The server sends the new connection its snapshot before the sync answer arrives.
    feed.receiveSnapshot(snapshot({ seq: 12, serverTime: '2025-01-06T02:00:30.000Z' }));
    expect(feed.lastSeq).toBe(10);
    answers[0]?.({
      kind: 'events',
      events: [calledEvent(11, 2), calledEvent(12, 3)],
      printers: [],
    });
    await done;
    await settle();

    expect(applied).toEqual([11, 12]);
    expect(feed.lastSeq).toBe(12);
    expect(states.at(-1)?.serverTime).toBe('2025-01-06T02:00:30.000Z');
  });

  test('a snapshot held during a sync that fails stays held: the retry applies the missed events first', async () => {
    const { feed, applied, failSync, answers, timers, syncCalls, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    void feed.catchUp();

    feed.receiveSnapshot(snapshot({ seq: 12, serverTime: '2025-01-06T02:00:30.000Z' }));
    await failSync(0);
    expect(feed.lastSeq).toBe(10);

    timers.fire();
    expect(syncCalls).toEqual([10, 10]);
    answers[1]?.({
      kind: 'events',
      events: [calledEvent(11, 2), calledEvent(12, 3)],
      printers: [],
    });
    await settle();

    expect(applied).toEqual([11, 12]);
    expect(feed.lastSeq).toBe(12);
    expect(feed.current?.serverTime).toBe('2025-01-06T02:00:30.000Z');
  });

  test('reconnecting during a sync asks again at once and ignores the dropped connection’s answer', async () => {
    const { feed, applied, answers, failSync, syncCalls, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    void feed.catchUp();

    // The server restarts: the first sync is never answered; the new connection's snapshot
    // comes with the reconnection.
    const done = feed.reconnected();
    feed.receiveSnapshot(snapshot({ seq: 13 }));
    expect(syncCalls).toEqual([10, 10]);
    answers[1]?.({
      kind: 'events',
      events: [calledEvent(11, 2), calledEvent(12, 3), calledEvent(13, 4)],
      printers: [],
    });
    await done;
    await settle();
    // The old request times out later: nothing changes, no retry.
    await failSync(0);

    expect(applied).toEqual([11, 12, 13]);
    expect(feed.lastSeq).toBe(13);
    expect(syncCalls).toEqual([10, 10]);
  });

  test('a held snapshot older than the events the sync brought is dropped', async () => {
    const { feed, applied, answers, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));
    const done = feed.catchUp();

    feed.receiveSnapshot(snapshot({ seq: 11 }));
    answers[0]?.({
      kind: 'events',
      events: [calledEvent(11, 2), calledEvent(12, 3)],
      printers: [],
    });
    await done;
    await settle();

    expect(applied).toEqual([11, 12]);
    expect(feed.lastSeq).toBe(12);
    expect(feed.current?.recentCalls[0]?.ticketId).toBe(3);
  });

  test('does not sync before it has any state', async () => {
    const { feed, syncCalls } = setUp();

    await feed.catchUp();

    expect(syncCalls).toEqual([]);
  });
});
