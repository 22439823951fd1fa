import type { Service, ServiceGroup } from '@luot/contract';

/** A centre with this many services or fewer lists them on one level, groups or not. */
export const FLAT_MAX_SERVICES = 8;

/** One tile of a menu level: a heading to open, or a service to take a number for. */
export type MenuEntry =
  | { kind: 'group'; group: ServiceGroup; services: Service[] }
  | { kind: 'service'; service: Service };

/** Whether the kiosk lists every service on one level (no groups, or few services). */
export function isFlat(services: readonly Service[], groups: readonly ServiceGroup[]): boolean {
  return groups.length === 0 || services.length <= FLAT_MAX_SERVICES;
}

const bySortOrder = (a: ServiceGroup, b: ServiceGroup) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi') || a.id - b.id;

/**
 * The group a service is listed under: its own when the centre has it, else the top level
 * (a service whose group was removed must still be found).
 */
function placeOf(service: Service, known: ReadonlySet<number>): number | null {
  return service.groupId !== null && known.has(service.groupId) ? service.groupId : null;
}

/** The services under a group, its subgroups' included, in the order given. */
export function servicesUnder(
  services: readonly Service[],
  groups: readonly ServiceGroup[],
  groupId: number,
): Service[] {
  const known = new Set(groups.map((g) => g.id));
  const inside = new Set([
    groupId,
    ...groups.filter((g) => g.parentId === groupId).map((g) => g.id),
  ]);
  return services.filter((s) => {
    const place = placeOf(s, known);
    return place !== null && inside.has(place);
  });
}

/**
 * The tiles of one level of the menu: at `groupId` (null: the top) its subgroups that list
 * at least one service, by sort order, then the services listed right under it. A flat
 * centre has one level: every service.
 */
export function menuEntries(
  services: readonly Service[],
  groups: readonly ServiceGroup[],
  groupId: number | null,
): MenuEntry[] {
  if (isFlat(services, groups)) return services.map((service) => ({ kind: 'service', service }));
  const known = new Set(groups.map((g) => g.id));
  const subgroups: MenuEntry[] = groups
    .filter((g) => g.parentId === groupId)
    .sort(bySortOrder)
    .map((group) => ({
      kind: 'group' as const,
      group,
      services: servicesUnder(services, groups, group.id),
    }))
    .filter((entry) => entry.services.length > 0);
  const own: MenuEntry[] = services
    .filter((s) => placeOf(s, known) === groupId)
    .map((service) => ({ kind: 'service', service }));
  return [...subgroups, ...own];
}

/** The groups from the top down to `groupId` (the breadcrumb); empty at the top. */
export function groupPath(groups: readonly ServiceGroup[], groupId: number | null): ServiceGroup[] {
  const path: ServiceGroup[] = [];
  let current = groupId === null ? undefined : groups.find((g) => g.id === groupId);
  while (current && path.length <= groups.length) {
    path.unshift(current);
    const parentId = current.parentId;
    current = parentId === null ? undefined : groups.find((g) => g.id === parentId);
  }
  return path;
}

/** The texts a service can be found by: its names and code, and its groups' names. */
export function searchTexts(service: Service, groups: readonly ServiceGroup[]): string[] {
  const known = new Set(groups.map((g) => g.id));
  const path = groupPath(groups, placeOf(service, known));
  return [
    service.name,
    service.nameEn,
    service.code,
    ...path.flatMap((group) => [group.name, group.nameEn]),
  ];
}

/** Whether a group's services issue numbers now, for its tile. */
export interface GroupAvailability {
  /** How many of its services issue numbers now. */
  open: number;
  total: number;
  /**
   * None is open and all say the same why (e.g. all `centre_closed`): that reason; null
   * when some are open or their reasons differ.
   */
  reason: NonNullable<Service['unavailableReason']> | null;
}

/** How many of a group's services are open now and, when none is, the reason they share. */
export function groupAvailability(services: readonly Service[]): GroupAvailability {
  const open = services.filter((s) => s.available).length;
  const reasons = new Set(services.filter((s) => !s.available).map((s) => s.unavailableReason));
  const shared = open === 0 && reasons.size === 1 ? [...reasons][0]! : null;
  return { open, total: services.length, reason: shared };
}
