import type { FeedEnvelope, StateSnapshot, SyncResult } from '../../../server/src/contract';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';
import { calledEvent, issuedEvent, snapshot } from './fixtures';

/** A feed whose `sync` answers are queued by the test, recording what it reports. */
function setUp() {
  const states: StateSnapshot[] = [];
  const applied: number[] = [];
  const syncCalls: number[] = [];
  const answers: Array<(result: SyncResult) => void> = [];
  const failures: Array<(error: Error) => void> = [];
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
      onError: () => undefined,
    },
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { feed, states, applied, syncCalls, answers, failures, settle };
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

  test('still applies held events when the sync fails', async () => {
    const { feed, applied, failures, settle } = setUp();
    feed.receiveSnapshot(snapshot({ seq: 10 }));

    feed.receiveEvent(calledEvent(12, 2));
    failures[0]?.(new Error('timeout'));
    await settle();

    expect(applied).toEqual([12]);
  });

  test('does not sync before it has any state', async () => {
    const { feed, syncCalls } = setUp();

    await feed.catchUp();

    expect(syncCalls).toEqual([]);
  });
});
