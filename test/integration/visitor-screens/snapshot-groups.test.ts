import type { Service, StateSnapshot } from '../../../server/src/contract';
import { DEFAULT_SETTINGS } from '../../../server/src/contract/settings';
import {
  expectStatus,
  patchSettings,
  SERVICE,
  setServiceLimit,
  useQueueFixture,
  vietnamTime,
} from '../../support/queue-helpers';

const { f } = useQueueFixture();

const snapshot = async () => expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200);
const serviceOf = (state: StateSnapshot, id: number): Service => {
  const found = state.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};

describe('the snapshot’s kiosk menu', () => {
  test('lists no groups for a flat centre, and every service at the top level', async () => {
    // Act
    const state = await snapshot();

    // Assert
    expect(state.serviceGroups).toEqual([]);
    expect(state.services.map((s) => s.groupId)).toEqual(state.services.map(() => null));
  });

  test('lists the active fields first, then their groups, each by sort order', async () => {
    // Arrange
    const { repos } = f.server.server.application;
    const field = (name: string, sortOrder: number, active = true) =>
      repos.serviceGroups.insert({ parentId: null, name, nameEn: name, sortOrder, active });
    const land = field('Đất đai', 2);
    const business = field('Đăng ký kinh doanh', 1);
    const hidden = field('Lưu trữ', 3, false);
    const certificates = repos.serviceGroups.insert({
      parentId: land,
      name: 'Cấp Giấy chứng nhận',
      nameEn: 'Certificates',
      sortOrder: 1,
      active: true,
    });
    const underHidden = repos.serviceGroups.insert({
      parentId: hidden,
      name: 'Hồ sơ cũ',
      nameEn: 'Old files',
      sortOrder: 1,
      active: true,
    });
    repos.db.run('UPDATE services SET group_id = ? WHERE id = ?', [certificates, SERVICE.DDTN]);
    repos.db.run('UPDATE services SET group_id = ? WHERE id = ?', [business, SERVICE.DKKD]);
    repos.db.run('UPDATE services SET group_id = ? WHERE id = ?', [underHidden, SERVICE.TPLL]);

    // Act
    const state = await snapshot();

    // Assert
    expect(state.serviceGroups).toEqual([
      {
        id: business,
        parentId: null,
        name: 'Đăng ký kinh doanh',
        nameEn: 'Đăng ký kinh doanh',
        sortOrder: 1,
      },
      { id: land, parentId: null, name: 'Đất đai', nameEn: 'Đất đai', sortOrder: 2 },
      {
        id: certificates,
        parentId: land,
        name: 'Cấp Giấy chứng nhận',
        nameEn: 'Certificates',
        sortOrder: 1,
      },
    ]);
    expect(serviceOf(state, SERVICE.DDTN).groupId).toBe(certificates);
    expect(serviceOf(state, SERVICE.DKKD).groupId).toBe(business);
    // Its group's field is inactive: listed at the top level instead of lost.
    expect(serviceOf(state, SERVICE.TPLL).groupId).toBeNull();
  });

  test('refuses a group nested under a procedure group (one level of nesting only)', () => {
    // Arrange
    const { repos } = f.server.server.application;
    const field = repos.serviceGroups.insert({
      parentId: null,
      name: 'Hộ tịch',
      nameEn: 'Civil status',
      sortOrder: 1,
      active: true,
    });
    const group = repos.serviceGroups.insert({
      parentId: field,
      name: 'Khai sinh',
      nameEn: 'Births',
      sortOrder: 1,
      active: true,
    });

    // Act
    const nest = () =>
      repos.serviceGroups.insert({
        parentId: group,
        name: 'Quá sâu',
        nameEn: 'Too deep',
        sortOrder: 1,
        active: true,
      });
    const moveField = () =>
      repos.db.run('UPDATE service_groups SET parent_id = ? WHERE id = ?', [group, field]);

    // Assert
    expect(nest).toThrow(/nested more than one level/);
    expect(moveField).toThrow();
  });
});

describe('a service’s issuing hours', () => {
  test('are today’s opening hours in the centre’s zone with the centre’s cut-off taken off', async () => {
    // Arrange: Friday 27 November 2026, 09:00 in Vietnam.
    f.clock.set(vietnamTime('2026-11-27', '09:00'));

    // Act
    const state = await snapshot();

    // Assert
    expect(serviceOf(state, SERVICE.DKKD).issuingHours).toEqual([
      { open: '07:30', close: '11:15' },
      { open: '13:30', close: '16:45' },
    ]);
    expect(serviceOf(state, SERVICE.DKKD).dailyCap).toBeNull();
  });

  test('take a service’s own cut-off and cap, and drop an interval the cut-off swallows', async () => {
    // Arrange
    f.clock.set(vietnamTime('2026-11-27', '09:00'));
    setServiceLimit(f.server, 'cutoff_minutes', SERVICE.DDTN, 240);
    setServiceLimit(f.server, 'daily_cap', SERVICE.DDTN, 50);
    await patchSettings(f.admin, { cutoffMinutes: 30 });

    // Act
    const state = await snapshot();

    // Assert: 13:30–17:00 is 210 minutes, all cut off.
    expect(serviceOf(state, SERVICE.DDTN).issuingHours).toEqual([]);
    expect(serviceOf(state, SERVICE.DDTN).dailyCap).toBe(50);
    expect(serviceOf(state, SERVICE.DKKD).issuingHours).toEqual([
      { open: '07:30', close: '11:00' },
      { open: '13:30', close: '16:30' },
    ]);
  });

  test('follow the centre’s zone, not the machine’s, near midnight UTC', async () => {
    // Arrange: Saturday 28 November, 06:30 in Vietnam is still Friday 23:30 in UTC.
    f.clock.set(vietnamTime('2026-11-28', '06:30'));

    // Act
    const state = await snapshot();

    // Assert: Saturday has the morning only.
    expect(serviceOf(state, SERVICE.DKKD).issuingHours).toEqual(
      DEFAULT_SETTINGS.openingHours['6']?.map((i) => ({
        open: i.open,
        close: i.close === '11:30' ? '11:15' : i.close,
      })),
    );
  });

  test('are empty on a closed day and on a holiday', async () => {
    // Arrange (the admin's session would not outlive the days the clock moves)
    await patchSettings(f.admin, { holidays: ['2026-12-01'] });
    f.clock.set(vietnamTime('2026-11-29', '09:00'));
    const sunday = await snapshot();
    f.clock.set(vietnamTime('2026-12-01', '09:00'));

    // Act
    const holiday = await snapshot();

    // Assert
    expect(serviceOf(sunday, SERVICE.DKKD).issuingHours).toEqual([]);
    expect(serviceOf(holiday, SERVICE.DKKD).issuingHours).toEqual([]);
  });
});
