import type { CatalogueResponse } from '../../server/src/contract';
import { STAFF_PASSWORD, addStaff } from '../support/accounts';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';
import { expectNoSidewaysScroll } from './page-fit';
import { openAdminPageAs as openAs } from './sign-in';

/** The office PC the admin pages open at (openAdminPageAs). */
const WIDTH = 1366;

/** A catalogue file's header, as the export writes it (Vietnamese / English). */
const CSV_HEADER =
  'Mã / Code,Tên thủ tục / Name,Tên tiếng Anh / English name,Lĩnh vực / Field,Tiền tố / Prefix,Số từ / From,Số đến / To';

describeInChromium(
  'the admin app’s services and counters pages, in Chromium',
  ({ open, server }) => {
    let api: ApiClient;

    beforeAll(async () => {
      api = new ApiClient(server().url);
      await api.login(server().adminUsername, server().adminPassword);
    });

    const catalogue = async () => (await api.get<CatalogueResponse>('/api/catalogue')).body;
    const groupId = async (name: string) =>
      (await catalogue()).serviceGroups.find((g) => g.name === name)?.id ?? -1;

    test('groups: one level of nesting only, renamed, reordered, and kept inactive when in use', async () => {
      // Arrange
      const admin = await openAs(
        open,
        '/admin/services',
        server().adminUsername,
        server().adminPassword,
      );
      for (const name of ['Đất đai', 'Hộ tịch']) {
        await admin.getByTestId('group-new-name').fill(name);
        await admin.getByTestId('group-new-submit').click();
        await waitForText(admin, 'groups-notice', `Đã thêm nhóm “${name}”.`, 5000);
      }
      await admin.getByTestId('group-new-name').fill('Khai sinh');
      await admin.getByTestId('group-new-parent').selectOption({ label: 'Hộ tịch' });
      await admin.getByTestId('group-new-submit').click();
      await waitForText(admin, 'groups-notice', 'Đã thêm nhóm “Khai sinh”.', 5000);
      const hoTich = await groupId('Hộ tịch');
      const datDai = await groupId('Đất đai');
      expect((await catalogue()).serviceGroups.find((g) => g.name === 'Khai sinh')?.parentId).toBe(
        hoTich,
      );

      // A field with a group inside cannot move into another field: the server says why.
      await admin.getByTestId(`group-edit-${hoTich}`).click();
      await admin.getByTestId('group-edit-parent').selectOption({ label: 'Đất đai' });
      await admin.getByTestId('group-edit-submit').click();
      await waitForText(
        admin,
        'group-edit-error',
        'Nhóm thủ tục chỉ được nằm trong một lĩnh vực (tối đa một cấp).',
        5000,
      );

      // Renamed, with an English name.
      await admin.getByTestId('group-edit-parent').selectOption({ label: '(Đây là một lĩnh vực)' });
      await admin.getByTestId('group-edit-name').fill('Hộ tịch – Quốc tịch');
      await admin.getByTestId('group-edit-name-en').fill('Civil status and nationality');
      await admin.getByTestId('group-edit-submit').click();
      await waitForText(admin, 'groups-notice', 'Đã lưu. Các màn hình cập nhật ngay.', 5000);
      expect((await catalogue()).serviceGroups.find((g) => g.id === hoTich)).toMatchObject({
        name: 'Hộ tịch – Quốc tịch',
        nameEn: 'Civil status and nationality',
        parentId: null,
      });

      // Moved up: it now comes before "Đất đai" on the kiosk menu.
      await admin.getByRole('button', { name: 'Lên trên: Hộ tịch – Quốc tịch' }).click();
      await admin
        .getByTestId('groups-table')
        .locator('tbody tr >> nth=0', { hasText: 'Hộ tịch – Quốc tịch' })
        .waitFor({ timeout: 5000 });
      const fields = (await catalogue()).serviceGroups
        .filter((g) => g.parentId === null)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((g) => g.id);
      expect(fields).toEqual([hoTich, datDai]);

      // Deleting a field with a group inside keeps it, inactive, and says so; an empty one goes.
      await admin.getByTestId(`group-delete-${hoTich}`).click();
      await waitForText(
        admin,
        'groups-notice',
        '“Hộ tịch – Quốc tịch” đang được dùng (có số đã cấp hoặc đang gắn với mục khác) nên không xóa được: đã chuyển sang ngừng dùng.',
        5000,
      );
      await admin.getByTestId(`group-delete-${datDai}`).click();
      await waitForText(admin, 'groups-notice', 'Đã xóa “Đất đai”.', 5000);
      await admin.getByTestId(`group-${datDai}`).waitFor({ state: 'detached' });
      const after = (await catalogue()).serviceGroups;
      expect(after.find((g) => g.id === hoTich)?.active).toBe(false);
      expect(after.some((g) => g.id === datDai)).toBe(false);
      expect(await seriousViolations(admin)).toEqual([]);
    }, 60000);

    test('a service: a half range is caught before sending, a taken code by the server, an edit lands live', async () => {
      // Arrange: a service, and another admin's page open on it.
      const admin = await openAs(
        open,
        '/admin/services',
        server().adminUsername,
        server().adminPassword,
      );
      const other = await openAs(
        open,
        '/admin/services',
        server().adminUsername,
        server().adminPassword,
      );
      await admin.getByTestId('service-new-name').fill('Cấp giấy phép xây dựng');
      await admin.getByTestId('service-new-prefix').fill('X');
      await admin.getByTestId('service-new-code').fill('gpxd');
      await admin.getByTestId('service-new-from').fill('500');
      await admin.getByTestId('service-new-submit').click();
      await waitForText(
        admin,
        'service-new-error',
        'Dải số cần đủ cả số đầu và số cuối, hoặc để trống cả hai.',
        2000,
      );
      await admin.getByTestId('service-new-to').fill('599');
      await admin.getByTestId('service-new-submit').click();
      await waitForText(
        admin,
        'services-notice',
        'Đã thêm dịch vụ “Cấp giấy phép xây dựng” (mã GPXD).',
        5000,
      );
      // The other admin's page lists it without a reload (catalogue:updated).
      await other.getByTestId('service-GPXD').waitFor({ timeout: LIVE_DEADLINE_MS });

      // The same code again: the server's refusal in Vietnamese.
      await admin.getByTestId('service-new-name').fill('Gia hạn giấy phép xây dựng');
      await admin.getByTestId('service-new-prefix').fill('Y');
      await admin.getByTestId('service-new-code').fill('GPXD');
      await admin.getByTestId('service-new-submit').click();
      await waitForText(admin, 'service-new-error', 'Mã dịch vụ này đã có.', 5000);

      // Act: an edit of its target wait and daily cap.
      await admin.getByTestId('service-edit-GPXD').click();
      await admin.getByTestId('service-edit-target').fill('25');
      await admin.getByTestId('service-edit-cap').fill('80');
      await admin.getByTestId('service-edit-submit').click();
      await waitForText(admin, 'services-notice', 'Đã lưu. Các màn hình cập nhật ngay.', 5000);

      // Assert
      expect((await catalogue()).services.find((s) => s.code === 'GPXD')).toMatchObject({
        prefix: 'X',
        numberRange: { from: 500, to: 599 },
        targetWaitMinutes: 25,
        dailyCap: 80,
        active: true,
      });
      await other
        .getByTestId('service-GPXD')
        .filter({ hasText: 'Tối đa 80 phiếu/ngày' })
        .waitFor({ timeout: LIVE_DEADLINE_MS });
      expect(await seriousViolations(admin)).toEqual([]);
    }, 60000);

    test('a catalogue file with a bad row imports nothing and names the row; a good one imports', async () => {
      const admin = await openAs(
        open,
        '/admin/services',
        server().adminUsername,
        server().adminPassword,
      );
      const before = (await catalogue()).services.length;
      const bad = [
        CSV_HEADER,
        'TP1,Thủ tục một,Procedure one,Tư pháp,T,1,99',
        'TP2,Thủ tục hai,Procedure two,Tư pháp,t!,100,199',
      ].join('\r\n');

      await admin.getByTestId('services-import').setInputFiles({
        name: 'thu-tuc.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${bad}\r\n`, 'utf8'),
      });
      await admin.getByTestId('import-error').waitFor({ timeout: 5000 });
      const rows = admin.getByTestId('import-rows');
      await rows.waitFor();
      expect(await rows.textContent()).toContain('Dòng 3, cột “Tiền tố / Prefix”');
      expect((await catalogue()).services.length).toBe(before);

      await admin.getByTestId('services-import').setInputFiles({
        name: 'thu-tuc.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(bad.replace('t!', 'U'), 'utf8'),
      });
      await waitForText(
        admin,
        'import-notice',
        'Đã nhập: 2 dịch vụ mới, 0 dịch vụ được cập nhật, 0 không đổi.',
        5000,
      );
      await admin.getByTestId('service-TP2').waitFor({ timeout: LIVE_DEADLINE_MS });
      expect(await admin.getByTestId('import-rows').count()).toBe(0);
      const imported = (await catalogue()).services.filter((s) => s.code.startsWith('TP'));
      expect(imported.map((s) => [s.code, s.prefix])).toEqual([
        ['TP1', 'T'],
        ['TP2', 'U'],
      ]);

      // Exported as an XLSX file, under the day's name.
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByTestId('services-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^luot-services-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(await seriousViolations(admin)).toEqual([]);
    }, 60000);

    test('a supervisor reads the groups, services and counters, with no controls to change them', async () => {
      // Arrange: a group, a service in it and a counter calling it, made by the admin.
      const group = await api.post<{ group: { id: number } }>('/api/service-groups', {
        name: 'Chứng thực',
      });
      const service = await api.post<{ service: { id: number } }>('/api/services', {
        name: 'Chứng thực bản sao',
        code: 'CTBS',
        prefix: 'S',
        groupId: group.body.group.id,
      });
      await api.post('/api/counters', {
        number: 41,
        name: 'Quầy chứng thực',
        tiers: [[service.body.service.id]],
      });
      await addStaff(server(), 'catalogue-supervisor', 'supervisor');

      // Act
      const page = await openAs(open, '/admin/services', 'catalogue-supervisor', STAFF_PASSWORD);

      // Assert: the lists and the Excel export, said to be read-only; nothing to change them.
      await page.getByTestId('service-CTBS').waitFor({ timeout: LIVE_DEADLINE_MS });
      await page.getByTestId(`group-${group.body.group.id}`).waitFor();
      await waitForText(
        page,
        'catalogue-read-only',
        'Chỉ quản trị viên được thay đổi các thiết lập này.',
        5000,
      );
      expect(await page.getByTestId('services-export').count()).toBe(1);
      const editControls = async () =>
        page
          .locator(
            '[data-testid="page-services"] form, [data-testid="page-counters"] form, ' +
              '[data-testid="services-import"], .row-actions, [data-testid$="-submit"]',
          )
          .count();
      expect(await editControls()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('services-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      await page.getByTestId('nav-counters').click();
      await page.getByTestId('counter-41').waitFor({ timeout: LIVE_DEADLINE_MS });
      expect(await page.getByTestId('counter-41').textContent()).toContain('CTBS');
      await page.getByTestId('catalogue-read-only').waitFor();
      expect(await editControls()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await expectNoSidewaysScroll(page, WIDTH);
    }, 60000);
  },
  { env: { LUOT_DEMO: '0' } },
);
