import type { Device, FeedEnvelope, RecentCall, Service } from '@luot/contract';

/** What `/display?services=…&counters=…` asks for, as typed; null: the address sets no filter. */
export interface FilterRequest {
  /** Service codes or ids. */
  services: string[] | null;
  /** Counter numbers. */
  counters: string[] | null;
}

/** Which calls and queues one hall display shows. */
export interface DisplayFilter {
  /** Service ids whose calls and queues show; null: every service. */
  serviceIds: ReadonlySet<number> | null;
  /** Counter ids whose calls show; null: every counter. */
  counterIds: ReadonlySet<number> | null;
  /** A filter was asked for but matches no service or counter (a typo in the address). */
  matchesNothing: boolean;
}

/** The display with no filter: everything shows. */
export const NO_FILTER: DisplayFilter = {
  serviceIds: null,
  counterIds: null,
  matchesNothing: false,
};

/** The counter fields the filter needs. */
interface CounterRef {
  id: number;
  number: number;
  serviceIds: number[];
}

function listParam(params: URLSearchParams, name: string): string[] | null {
  if (!params.has(name)) return null;
  const items = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : null;
}

/** The filter an address asks for (`?services=DKKD,2&counters=1,2`); null when it asks none. */
export function filterFromSearch(search: string): FilterRequest | null {
  const params = new URLSearchParams(search);
  const request = {
    services: listParam(params, 'services'),
    counters: listParam(params, 'counters'),
  };
  return request.services || request.counters ? request : null;
}

function serviceMatches(service: Service, item: string): boolean {
  return service.code.toLowerCase() === item.toLowerCase() || String(service.id) === item;
}

/**
 * The filter one display applies: the address's when it sets one (it wins, so an installer
 * can try a filter on a paired screen), else the one an administrator stored on the paired
 * device, else none.
 */
export function resolveFilter(
  request: FilterRequest | null,
  device: Pick<Device, 'serviceIds' | 'counterIds'> | null,
  services: readonly Service[],
  counters: readonly CounterRef[],
): DisplayFilter {
  if (request) {
    const serviceIds = request.services
      ? new Set(
          services
            .filter((s) => request.services?.some((item) => serviceMatches(s, item)))
            .map((s) => s.id),
        )
      : null;
    const counterIds = request.counters
      ? new Set(
          counters.filter((c) => request.counters?.includes(String(c.number))).map((c) => c.id),
        )
      : null;
    return {
      serviceIds,
      counterIds,
      matchesNothing: serviceIds?.size === 0 || counterIds?.size === 0,
    };
  }
  if (device && (device.serviceIds || device.counterIds)) {
    return {
      serviceIds: device.serviceIds ? new Set(device.serviceIds) : null,
      counterIds: device.counterIds ? new Set(device.counterIds) : null,
      matchesNothing: false,
    };
  }
  return NO_FILTER;
}

/** Whether a filter limits the display at all. */
export function isFiltered(filter: DisplayFilter): boolean {
  return filter.serviceIds !== null || filter.counterIds !== null;
}

/** Whether a call, at its counter for its service, shows on the display. */
export function callShown(
  filter: DisplayFilter,
  call: Pick<RecentCall, 'serviceId' | 'counterId'>,
): boolean {
  return (
    (filter.serviceIds === null || filter.serviceIds.has(call.serviceId)) &&
    (filter.counterIds === null || filter.counterIds.has(call.counterId))
  );
}

/** Whether a feed event concerns the display: a call only when it shows; other events always. */
export function eventShown(filter: DisplayFilter, envelope: FeedEnvelope): boolean {
  if (envelope.type !== 'ticket:called') return true;
  const { ticket, counter } = envelope.payload;
  return callShown(filter, { serviceId: ticket.serviceId, counterId: counter.id });
}

/**
 * The queues the display lists: the filter's services, and under a counter filter only
 * those the chosen counters serve. In the centre's order.
 */
export function servicesShown(
  filter: DisplayFilter,
  services: readonly Service[],
  counters: readonly CounterRef[],
): Service[] {
  const { serviceIds, counterIds } = filter;
  const served = counterIds
    ? new Set(counters.filter((c) => counterIds.has(c.id)).flatMap((c) => c.serviceIds))
    : null;
  return services.filter(
    (s) => (serviceIds === null || serviceIds.has(s.id)) && (served === null || served.has(s.id)),
  );
}

/** The chosen counters' numbers, in order, for the line that says the display is filtered. */
export function counterNumbersShown(
  filter: DisplayFilter,
  counters: readonly CounterRef[],
): number[] {
  const { counterIds } = filter;
  if (counterIds === null) return [];
  return counters
    .filter((c) => counterIds.has(c.id))
    .map((c) => c.number)
    .sort((a, b) => a - b);
}
