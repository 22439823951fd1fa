import type { FeedEnvelope, StateSnapshot } from '../../../server/src/contract';
import { applyEvent } from '../../../ui-shared/src/apply-event';
import { calledEvent, counter, snapshot } from './fixtures';

// The fixtures' service day, so the day's calls stay.
const AT = '2025-01-06T02:05:00.000Z';

/** A `catalogue:updated` carrying the given lists, as the server sends it. */
function catalogueEvent(seq: number, lists: Partial<StateSnapshot>): FeedEnvelope {
  const state = snapshot();
  return {
    type: 'catalogue:updated',
    payload: {
      services: lists.services ?? state.services,
      serviceGroups: lists.serviceGroups ?? state.serviceGroups,
      counters: lists.counters ?? state.counters,
      seq,
      at: AT,
    },
  };
}

describe('applyEvent() with catalogue:updated', () => {
  test('replaces the services, groups and counters and moves the seq on', () => {
    const before = snapshot({ seq: 10 });
    const base = before.services[0]!;
    const added = { ...base, id: 9, code: 'DKKS', name: 'Đăng ký khai sinh' };
    const group = { id: 4, parentId: null, name: 'Hộ tịch', nameEn: 'Civil status', sortOrder: 0 };
    const renamed = counter({ id: 1, name: 'Quầy Hộ tịch', tiers: [[9], [1]], serviceIds: [9, 1] });
    const after = applyEvent(
      before,
      catalogueEvent(11, {
        services: [...before.services, { ...added, groupId: 4 }],
        serviceGroups: [group],
        counters: [renamed],
      }),
    );
    expect(after.seq).toBe(11);
    expect(after.services.map((s) => s.id)).toEqual([1, 2, 9]);
    expect(after.serviceGroups).toEqual([group]);
    expect(after.counters).toEqual([renamed]);
    expect(before.services.map((s) => s.id)).toEqual([1, 2]);
  });

  test('keeps the calls and the centre, and later events apply on top', () => {
    const called = applyEvent(snapshot({ seq: 10 }), calledEvent(11));
    const after = applyEvent(called, catalogueEvent(12, { services: [called.services[0]!] }));
    expect(after.recentCalls).toEqual(called.recentCalls);
    expect(after.centre).toBe(called.centre);
    expect(after.services).toHaveLength(1);
    const next = applyEvent(after, calledEvent(13, 1, true));
    expect(next.recentCalls).toHaveLength(called.recentCalls.length + 1);
  });
});
