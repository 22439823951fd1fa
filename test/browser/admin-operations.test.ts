import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type {
  BackupListResponse,
  BackupResponse,
  CatalogueResponse,
  CentreConfig,
} from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { addClerk, expectStatus } from '../support/queue-helpers';
import { describeInChromium, waitForText } from './harness';
import { expectNoSidewaysScroll } from './page-fit';
import { signIn, signInAsAdmin } from './sign-in';

const WIDTH = 1366;
const HEIGHT = 768;
/** The page reads the list again this often while someone else's backup is written. */
const BUSY_REFRESH_MS = 3000;

/** A chosen file for a file input, as the browser sends it. */
function jsonFile(name: string, content: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') };
}

describeInChromium(
  'the backups and configuration page at /admin/operations, in Chromium',
  ({ open, server, clock }) => {
    let api: ApiClient;
    let admin: Page;

    beforeAll(async () => {
      api = new ApiClient(server().url);
      await api.login(server().adminUsername, server().adminPassword);
      admin = await open('/admin', WIDTH, HEIGHT);
      await signInAsAdmin(admin, server());
      await admin.getByTestId('nav-operations').click();
      await admin.getByTestId('page-operations').waitFor();
    });

    const backups = async () =>
      expectStatus(await api.get<BackupListResponse>('/api/backups'), 200);
    const catalogue = async () =>
      expectStatus(await api.get<CatalogueResponse>('/api/catalogue'), 200);

    test('an admin backs up now, sees the backups newest first in the centre’s time, and downloads a SQLite file', async () => {
      expect(new URL(admin.url()).pathname).toBe('/admin/operations');
      await admin.getByTestId('backups-none').waitFor();
      expect(await seriousViolations(admin)).toEqual([]);
      await expectNoSidewaysScroll(admin, WIDTH);

      // The server's clock: 27 Nov 2026 02:00 UTC, 09:00 in Hà Nội (the browser runs in UTC).
      await admin.getByTestId('backup-now').click();
      const first = (await backups()).backups[0];
      expect(first).toBeDefined();
      await waitForText(
        admin,
        'backup-notice',
        `Đã sao lưu xong: ${first!.name} (${(first!.size / 1048576).toFixed(1).replace('.', ',')} MB).`,
        10000,
      );
      clock().advance(61_000);
      await admin.getByTestId('backup-now').click();
      await admin.getByTestId('backup-row').nth(1).waitFor();

      const listed = (await backups()).backups;
      expect(listed).toHaveLength(2);
      const rows = admin.getByTestId('backup-row');
      expect(
        await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-name'))),
      ).toEqual(listed.map((b) => b.name));
      const newest = await rows.first().textContent();
      expect(newest).toContain('09:01');
      expect(newest).toContain('27/11/2026');
      expect(newest).toContain('Thủ công');
      expect(await rows.nth(1).textContent()).toContain('09:00');
      expect(await seriousViolations(admin)).toEqual([]);

      // The download is the backup itself: a SQLite database file.
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        rows.first().getByTestId('backup-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe(listed[0]!.name);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(bytes.length).toBe(listed[0]!.size);

      // The restore procedure is explained, not offered.
      await admin.getByTestId('restore-note').locator('summary').click();
      expect(await admin.getByTestId('restore-note').textContent()).toContain('docs/operations.md');

      // English second, through the same page.
      await admin.getByTestId('lang-toggle').click();
      await waitForText(admin, 'backup-now', 'Back up now', 2000);
      expect(await rows.first().textContent()).toContain('Manual');
      await admin.getByTestId('lang-toggle').click();
      await waitForText(admin, 'backup-now', 'Sao lưu ngay', 2000);
    }, 60000);

    test('a backup already being written is said politely, and the list updates when it is done', async () => {
      const before = (await backups()).backups.length;
      // The server's own refusal while another backup runs (see the backup API tests).
      await admin.route('**/api/backups', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'backup_in_progress', message: 'A backup is being written' },
          }),
        });
      });
      try {
        await admin.getByTestId('backup-now').click();
        await waitForText(
          admin,
          'backup-notice',
          'Một bản sao lưu khác đang được tạo. Danh sách sẽ tự cập nhật khi bản đó xong.',
          5000,
        );
        expect(await admin.getByTestId('backup-error').count()).toBe(0);
      } finally {
        await admin.unroute('**/api/backups');
      }
      // The other backup finishes: the page, reading the list again, shows it and stops saying so.
      clock().advance(61_000);
      expectStatus(await api.post<BackupResponse>('/api/backups'), 201);
      await admin
        .getByTestId('backup-row')
        .nth(before)
        .waitFor({ timeout: BUSY_REFRESH_MS * 3 });
      await admin.getByTestId('backup-notice').waitFor({ state: 'detached', timeout: 5000 });
    }, 30000);

    test('an admin exports the configuration and imports it back, replacing, after confirming', async () => {
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByTestId('config-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^luot-config-2026-11-27\.json$/);
      const text = fs.readFileSync(await download.path(), 'utf8');
      const exported = JSON.parse(text) as CentreConfig;
      expect(exported.format).toBe('luot-config');
      const original = (await catalogue()).services[0]!;
      expect(exported.services.map((s) => s.code)).toContain(original.code);

      // Changed after the export: the import puts it back.
      expectStatus(
        await api.request('PATCH', `/api/services/${original.id}`, {
          body: { name: 'Tên tạm thời' },
          headers: { 'Idempotency-Key': 'ops-ui-rename-1' },
        }),
        200,
      );

      // Onto a centre with services, a plain import is refused, in Vietnamese.
      await admin
        .getByTestId('config-import')
        .setInputFiles(jsonFile(download.suggestedFilename(), text));
      await waitForText(
        admin,
        'config-error',
        'Trung tâm đã có dịch vụ hoặc quầy. Chọn “thay thế” để ghi đè cấu hình.',
        5000,
      );

      // Replacing asks first; cancelling imports nothing.
      await admin.getByTestId('config-replace').check();
      await admin.getByTestId('config-import').setInputFiles(jsonFile('cau-hinh.json', text));
      await admin.getByTestId('replace-dialog').waitFor();
      expect(await admin.getByTestId('replace-dialog').textContent()).toContain('“cau-hinh.json”');
      expect(await seriousViolations(admin)).toEqual([]);
      await admin.getByTestId('replace-cancel').click();
      await admin.getByTestId('replace-dialog').waitFor({ state: 'detached' });
      expect((await catalogue()).services.find((s) => s.id === original.id)?.name).toBe(
        'Tên tạm thời',
      );

      await admin.getByTestId('config-import').setInputFiles(jsonFile('cau-hinh.json', text));
      await admin.getByTestId('replace-confirm').click();
      await waitForText(admin, 'config-notice', 'Đã nhập cấu hình từ tệp “cau-hinh.json”.', 10000);
      expect(await admin.getByTestId('config-error').count()).toBe(0);
      const result = await admin.getByTestId('config-result').textContent();
      // Only the service renamed since the export changes back; the others are as they were.
      expect(result).toContain(
        `Dịch vụ: 0 mới, 1 cập nhật, ${exported.services.length - 1} không đổi, 0 xóa`,
      );
      expect((await catalogue()).services.find((s) => s.id === original.id)?.name).toBe(
        original.name,
      );
      // Replacing is a choice made each time.
      expect(await admin.getByTestId('config-replace').isChecked()).toBe(false);
      await expectNoSidewaysScroll(admin, WIDTH);
    }, 60000);

    test('a file that is not JSON, and a document with a wrong entry, are refused with the reasons', async () => {
      const before = await catalogue();
      await admin
        .getByTestId('config-import')
        .setInputFiles(jsonFile('bang-tinh.json', 'Mã;Tên\n'));
      await waitForText(
        admin,
        'config-error',
        'Tệp này không phải tệp JSON. Hãy chọn tệp luot-config-….json đã xuất từ Luot.',
        5000,
      );

      const config = (await api.get<CentreConfig>('/api/config/export')).body;
      config.services[0]!.prefix = 'a!';
      await admin.getByTestId('config-replace').check();
      await admin
        .getByTestId('config-import')
        .setInputFiles(jsonFile('sai.json', JSON.stringify(config)));
      await admin.getByTestId('replace-confirm').click();
      await waitForText(
        admin,
        'config-error',
        'Tệp có lỗi, chưa nhập gì. Sửa các dòng được nêu rồi nhập lại.',
        5000,
      );
      expect(await admin.getByTestId('config-problems').textContent()).toBe(
        'services.0.prefix: Giá trị không hợp lệ.',
      );

      // A repeated code, and the counters' tiers that name the code now gone, say which value.
      const twice = (await api.get<CentreConfig>('/api/config/export')).body;
      const [first, second] = twice.services.map((s) => s.code);
      twice.services[1]!.code = first!;
      await admin.getByTestId('config-replace').uncheck();
      await admin
        .getByTestId('config-import')
        .setInputFiles(jsonFile('trung.json', JSON.stringify(twice)));
      const list = admin.getByTestId('config-problems');
      await list.filter({ hasText: 'services.1.code' }).waitFor({ timeout: 5000 });
      const problems = list.locator('li');
      expect(await problems.allTextContents()).toEqual([
        `services.1.code: Trùng với một dòng khác trong tệp. (giá trị ${first})`,
        ...twice.counters.flatMap((c, i) =>
          c.tiers.flat().includes(second!)
            ? [`counters.${i}.tiers: Không có dịch vụ mang mã này. (giá trị ${second})`]
            : [],
        ),
      ]);
      expect(await catalogue()).toEqual(before);
      expect(await seriousViolations(admin)).toEqual([]);
      expect(await catalogue()).toEqual(before);
    }, 30000);

    test('supervisors do not see the page', async () => {
      await addClerk(server(), 'ops-supervisor', 'supervisor');
      const page = await open('/admin/operations', WIDTH, HEIGHT);
      await signIn(page, 'ops-supervisor', 'staff-password-1');
      await page.getByTestId('page-monitor').waitFor();
      expect(await page.getByTestId('nav-monitor').count()).toBe(1);
      expect(await page.getByTestId('nav-operations').count()).toBe(0);
      expect(await page.getByTestId('backups').count()).toBe(0);
    }, 30000);
  },
  // No daily backup of its own: the list holds only what the tests take.
  { env: { LUOT_BACKUP_KEEP: '0' } },
);
