import type { FeedEnvelope, RecentCall } from '../../../server/src/contract';
import { applyEvent, withCallsOfDay } from '../../../ui-shared/src/apply-event';
import { serviceDayOf } from '../../../ui-shared/src/format';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';
import { calledEvent, issuedEvent, snapshot } from './fixtures';

/** A recent call made at `calledAt`. */
function call(ticketId: number, calledAt: string): RecentCall {
  return {
    ticketId,
    number: `A${String(ticketId).padStart(3, '0')}`,
    serviceId: 1,
    priorityClass: null,
    counterId: 1,
    counterNumber: 1,
    counterName: 'Quầy 1',
    calledAt,
    recall: false,
  };
}

/** Two calls on the evening of 6 January in Hà Nội (UTC+7): 16:30 and 10:00 UTC. */
const EVENING = snapshot({
  recentCalls: [call(2, '2025-01-06T16:30:00.000Z'), call(1, '2025-01-06T10:00:00.000Z')],
});
/** 00:05 on 7 January in Hà Nội, still 6 January in UTC. */
const AFTER_MIDNIGHT = Date.parse('2025-01-06T17:05:00.000Z');

function eventAt(envelope: FeedEnvelope, at: string): FeedEnvelope {
  return { ...envelope, payload: { ...envelope.payload, at } } as FeedEnvelope;
}

describe('serviceDayOf()', () => {
  test('names the day in the given zone, not the machine’s', () => {
    expect(serviceDayOf(AFTER_MIDNIGHT, 'Asia/Ho_Chi_Minh')).toBe('2025-01-07');
    expect(serviceDayOf(AFTER_MIDNIGHT, 'UTC')).toBe('2025-01-06');
  });
});

describe('withCallsOfDay()', () => {
  test('drops the calls of earlier service days in the centre’s zone', () => {
    expect(withCallsOfDay(EVENING, AFTER_MIDNIGHT).recentCalls).toEqual([]);
  });

  test('keeps the state as it is while the day has not turned in the centre’s zone', () => {
    const inUtc = { ...EVENING, centre: { ...EVENING.centre, timeZone: 'UTC' } };

    expect(withCallsOfDay(inUtc, AFTER_MIDNIGHT)).toBe(inUtc);
    expect(withCallsOfDay(EVENING, Date.parse('2025-01-06T16:59:59.000Z'))).toBe(EVENING);
  });
});

describe('applyEvent() across midnight', () => {
  test('the first event of a new day clears the day before’s calls', () => {
    const after = applyEvent(EVENING, eventAt(issuedEvent(11, 1), '2025-01-06T17:05:00.000Z'));

    expect(after.recentCalls).toEqual([]);
  });

  test('the first call of a new day is the only one shown', () => {
    const after = applyEvent(EVENING, eventAt(calledEvent(11, 3), '2025-01-07T00:30:00.000Z'));

    expect(after.recentCalls.map((c) => c.ticketId)).toEqual([3]);
  });
});

describe('QueueFeed.rollDay()', () => {
  test('clears the calls once the service day turns, with no event needed', () => {
    const states: number[] = [];
    const feed = new QueueFeed(() => Promise.reject(new Error('unused')), {
      onState: (state) => states.push(state.recentCalls.length),
    });
    feed.receiveSnapshot(EVENING);

    feed.rollDay(Date.parse('2025-01-06T16:59:00.000Z'));
    feed.rollDay(AFTER_MIDNIGHT);
    feed.rollDay(AFTER_MIDNIGHT + 60_000);

    expect(states).toEqual([2, 0]);
    expect(feed.current?.recentCalls).toEqual([]);
  });
});
