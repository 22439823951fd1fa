import type { Service, ServiceGroup } from '../../../server/src/contract';
import {
  groupAvailability,
  groupPath,
  isFlat,
  menuEntries,
  searchTexts,
  servicesUnder,
} from '../../../kiosk-ui/src/menu-tree';

function service(id: number, groupId: number | null): Service {
  return {
    id,
    code: `S${id}`,
    name: `Thủ tục ${id}`,
    nameEn: `Procedure ${id}`,
    prefix: `P${id}`,
    waiting: 0,
    estimatedWaitMinutes: 0,
    available: true,
    unavailableReason: null,
    groupId,
    issuingHours: [],
    dailyCap: null,
    targetWaitMinutes: 15,
  };
}

function group(id: number, parentId: number | null, sortOrder: number, name = `Nhóm ${id}`) {
  return { id, parentId, name, nameEn: `Group ${id}`, sortOrder } satisfies ServiceGroup;
}

/** Two fields (1 "Đất đai", 2 "Hộ tịch"); field 1 has procedure groups 11 and 12. */
const groups = [
  group(2, null, 2, 'Hộ tịch'),
  group(1, null, 1, 'Đất đai'),
  group(12, 1, 2, 'Cấp giấy chứng nhận'),
  group(11, 1, 1, 'Đăng ký biến động'),
  group(3, null, 3, 'Trống'),
];
/** Twelve services: 1–4 in group 11, 5–6 in 12, 7 right under field 1, 8–10 under 2, 11 top, 12 in a removed group. */
const services = [
  ...[1, 2, 3, 4].map((id) => service(id, 11)),
  service(5, 12),
  service(6, 12),
  service(7, 1),
  service(8, 2),
  service(9, 2),
  service(10, 2),
  service(11, null),
  service(12, 99),
];

const describeEntries = (entries: ReturnType<typeof menuEntries>) =>
  entries.map((e) => (e.kind === 'group' ? `g${e.group.id}` : `s${e.service.id}`));

describe('menuEntries()', () => {
  test('shows fields by sort order, skips empty ones, then the top-level services', () => {
    expect(describeEntries(menuEntries(services, groups, null))).toEqual([
      'g1',
      'g2',
      's11',
      's12',
    ]);
  });

  test('shows a field’s procedure groups, then the services right under it', () => {
    expect(describeEntries(menuEntries(services, groups, 1))).toEqual(['g11', 'g12', 's7']);
    expect(describeEntries(menuEntries(services, groups, 11))).toEqual(['s1', 's2', 's3', 's4']);
  });

  test('counts a field’s services with its procedure groups’', () => {
    const field = menuEntries(services, groups, null)[0];

    expect(field?.kind === 'group' && field.services.map((s) => s.id)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(servicesUnder(services, groups, 2).map((s) => s.id)).toEqual([8, 9, 10]);
  });

  test('lists every service on one level without groups or with eight services or fewer', () => {
    expect(isFlat(services, [])).toBe(true);
    expect(isFlat(services.slice(0, 8), groups)).toBe(true);
    expect(isFlat(services.slice(0, 9), groups)).toBe(false);
    expect(describeEntries(menuEntries(services.slice(0, 8), groups, null))).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((id) => `s${id}`),
    );
  });
});

describe('groupPath()', () => {
  test('goes from the field down to the procedure group', () => {
    expect(groupPath(groups, 12).map((g) => g.id)).toEqual([1, 12]);
    expect(groupPath(groups, 2).map((g) => g.id)).toEqual([2]);
    expect(groupPath(groups, null)).toEqual([]);
    expect(groupPath(groups, 99)).toEqual([]);
  });
});

describe('searchTexts()', () => {
  test('lets a service be found by its names, code and its groups’ names', () => {
    expect(searchTexts(service(5, 12), groups)).toEqual([
      'Thủ tục 5',
      'Procedure 5',
      'S5',
      'Đất đai',
      'Group 1',
      'Cấp giấy chứng nhận',
      'Group 12',
    ]);
  });
});

describe('groupAvailability()', () => {
  const closed = (id: number, reason: NonNullable<Service['unavailableReason']>): Service => ({
    ...service(id, 11),
    available: false,
    unavailableReason: reason,
  });

  test('counts the open services of a group', () => {
    expect(
      groupAvailability([service(1, 11), closed(2, 'service_closed'), service(3, 11)]),
    ).toEqual({ open: 2, total: 3, reason: null });
  });

  test('gives the reason all its closed services share when none is open', () => {
    expect(groupAvailability([closed(1, 'centre_closed'), closed(2, 'centre_closed')])).toEqual({
      open: 0,
      total: 2,
      reason: 'centre_closed',
    });
  });

  test('gives no reason when the closed services differ in why', () => {
    expect(
      groupAvailability([closed(1, 'service_closed'), closed(2, 'daily_cap_reached')]),
    ).toEqual({ open: 0, total: 2, reason: null });
  });
});
