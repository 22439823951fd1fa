import type { FeedEnvelope } from '../../../server/src/contract';
import {
  NO_FILTER,
  callShown,
  counterNumbersShown,
  eventShown,
  filterFromSearch,
  resolveFilter,
  servicesShown,
} from '../../../display-ui/src/display-filter';
import { service } from '../ui-shared/fixtures';

/** Services 1–4 (codes S1–S4); counter n (id 10 + n) serves service n, counter 4 also 3. */
const services = [service(1), service(2), service(3), service(4)];
const counters = [
  { id: 11, number: 1, serviceIds: [1] },
  { id: 12, number: 2, serviceIds: [2] },
  { id: 13, number: 3, serviceIds: [3] },
  { id: 14, number: 4, serviceIds: [4, 3] },
];
const ids = (list: { id: number }[]) => list.map((item) => item.id);
const asList = (set: ReadonlySet<number> | null) => (set ? [...set].sort((a, b) => a - b) : null);

describe('filterFromSearch()', () => {
  test('reads services and counters as comma-separated lists, trimming and dropping blanks', () => {
    expect(filterFromSearch('?services=S1,%202,,&counters=3')).toEqual({
      services: ['S1', '2'],
      counters: ['3'],
    });
  });

  test('returns null for an address without a filter, or with empty ones', () => {
    expect(filterFromSearch('')).toBeNull();
    expect(filterFromSearch('?pair&services=&counters=,')).toBeNull();
  });
});

describe('resolveFilter()', () => {
  test('matches services by code in any case or by id, and counters by number', () => {
    const filter = resolveFilter(
      { services: ['s1', '3'], counters: ['2', '4'] },
      null,
      services,
      counters,
    );
    expect(asList(filter.serviceIds)).toEqual([1, 3]);
    expect(asList(filter.counterIds)).toEqual([12, 14]);
    expect(filter.matchesNothing).toBe(false);
  });

  test('lets the address win over the filter stored on the paired device', () => {
    const device = { serviceIds: [2], counterIds: null };
    const filter = resolveFilter({ services: ['S4'], counters: null }, device, services, counters);
    expect(asList(filter.serviceIds)).toEqual([4]);
    expect(filter.counterIds).toBeNull();
  });

  test('applies the paired device’s filter when the address sets none', () => {
    const filter = resolveFilter(null, { serviceIds: null, counterIds: [13] }, services, counters);
    expect(filter.serviceIds).toBeNull();
    expect(asList(filter.counterIds)).toEqual([13]);
  });

  test('shows everything unpaired, or paired without a filter', () => {
    expect(resolveFilter(null, null, services, counters)).toBe(NO_FILTER);
    expect(resolveFilter(null, { serviceIds: null, counterIds: null }, services, counters)).toBe(
      NO_FILTER,
    );
  });

  test('says so when the address names nothing that exists', () => {
    const filter = resolveFilter({ services: ['XX'], counters: null }, null, services, counters);
    expect(filter.matchesNothing).toBe(true);
    expect(servicesShown(filter, services, counters)).toEqual([]);
  });
});

describe('what a filtered display shows', () => {
  test('a call shows only when its service and its counter both pass', () => {
    const filter = resolveFilter({ services: ['S3'], counters: ['4'] }, null, services, counters);
    expect(callShown(filter, { serviceId: 3, counterId: 14 })).toBe(true);
    expect(callShown(filter, { serviceId: 3, counterId: 13 })).toBe(false);
    expect(callShown(filter, { serviceId: 4, counterId: 14 })).toBe(false);
    expect(callShown(NO_FILTER, { serviceId: 4, counterId: 11 })).toBe(true);
  });

  test('the queues listed under a counter filter are those the counters serve, in order', () => {
    const filter = resolveFilter(
      { services: null, counters: ['4', '1'] },
      null,
      services,
      counters,
    );
    expect(ids(servicesShown(filter, services, counters))).toEqual([1, 3, 4]);
    expect(counterNumbersShown(filter, counters)).toEqual([1, 4]);
    expect(ids(servicesShown(NO_FILTER, services, counters))).toEqual([1, 2, 3, 4]);
  });

  test('only a call is held back by the filter; other events go through', () => {
    const filter = resolveFilter({ services: ['S1'], counters: null }, null, services, counters);
    const called = (serviceId: number) =>
      ({
        type: 'ticket:called',
        payload: { ticket: { serviceId }, counter: { id: 11 } },
      }) as unknown as FeedEnvelope;
    const issued = { type: 'ticket:issued', payload: {} } as unknown as FeedEnvelope;
    expect(eventShown(filter, called(1))).toBe(true);
    expect(eventShown(filter, called(2))).toBe(false);
    expect(eventShown(filter, issued)).toBe(true);
  });
});
