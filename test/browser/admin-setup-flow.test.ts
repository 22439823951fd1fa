import type { Page } from 'playwright-core';
import type { CatalogueResponse, Ticket } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { LIVE_DEADLINE_MS, describeInChromium, takeNumber, waitForText } from './harness';
import type { PageDocument } from './page-dom';
import { signIn, signInAsAdmin } from './sign-in';

declare const document: PageDocument;

/** An office PC, and the counter PC the clerk works at. */
const WIDTH = 1366;
const HEIGHT = 768;
/** The kiosk polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;
const CLERK_PASSWORD = 'Lan-quay-1-2026';

async function openPage(admin: Page, id: string): Promise<void> {
  await admin.getByTestId(`nav-${id}`).click();
  await admin.getByTestId(`page-${id}`).locator('h2').waitFor();
  expect(new URL(admin.url()).pathname).toBe(`/admin/${id}`);
}

/** Axe finds nothing serious and nothing runs off to the side at 1366×768. */
async function expectAccessibleAndFitting(page: Page, what: string): Promise<void> {
  expect({ what, violations: await seriousViolations(page) }).toEqual({ what, violations: [] });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ what, width: Math.min(width, WIDTH) }).toEqual({ what, width });
}

async function createService(
  admin: Page,
  fields: {
    name: string;
    nameEn: string;
    prefix: string;
    group?: string;
    range?: [number, number];
  },
): Promise<void> {
  await admin.getByTestId('service-new-name').fill(fields.name);
  await admin.getByTestId('service-new-name-en').fill(fields.nameEn);
  await admin.getByTestId('service-new-prefix').fill(fields.prefix);
  if (fields.group) {
    await admin.getByTestId('service-new-group').selectOption({ label: fields.group });
  }
  await admin.getByTestId('service-new-from').fill(fields.range ? String(fields.range[0]) : '');
  await admin.getByTestId('service-new-to').fill(fields.range ? String(fields.range[1]) : '');
  await admin.getByTestId('service-new-submit').click();
}

describeInChromium(
  'setting a centre up from an empty database through the admin app, in Chromium',
  ({ open, server }) => {
    test('an admin creates a group, two services, a counter with tiers and a clerk, pairs a kiosk; the clerk serves with the keys', async () => {
      const api = new ApiClient(server().url);
      await api.login(server().adminUsername, server().adminPassword);
      const empty = (await api.get<CatalogueResponse>('/api/catalogue')).body;
      expect([empty.services.length, empty.counters.length]).toEqual([0, 0]);

      // The admin signs in; the kiosk policy becomes "paired" and an open kiosk shows a code.
      const admin = await open('/admin', WIDTH, HEIGHT);
      await signInAsAdmin(admin, server());
      await admin.getByTestId('centre-form').waitFor();
      const kiosk = await open('/kiosk', 1080, 1920);
      await admin.getByTestId('centre-kiosk-policy').selectOption('paired');
      await admin.getByTestId('centre-save').click();
      await admin.getByTestId('centre-saved').waitFor();
      const codeShown = kiosk.getByTestId('pairing-code');
      await codeShown.waitFor({ timeout: LIVE_DEADLINE_MS + POLL_MS });
      const code = (await codeShown.textContent()) ?? '';
      expect(code).toMatch(/^[0-9]{6}$/);

      // Devices: the code approved, the kiosk paired.
      await openPage(admin, 'devices');
      await admin.getByTestId('pair-code').fill(code);
      await admin.getByTestId('pair-name').fill('Kiosk sảnh');
      await admin.getByTestId('pair-submit').click();
      await waitForText(admin, 'devices-notice', 'Đã ghép nối “Kiosk sảnh”.', 5000);
      await waitForText(kiosk, 'paired-name', 'Tên kiosk: Kiosk sảnh', POLL_MS + 5000);

      // Services: a field of the kiosk menu, then two services, one in it.
      await openPage(admin, 'services');
      await expectAccessibleAndFitting(admin, 'services, empty');
      await admin.getByTestId('group-new-name').fill('Hộ tịch');
      await admin.getByTestId('group-new-name-en').fill('Civil status');
      await admin.getByTestId('group-new-submit').click();
      await waitForText(admin, 'groups-notice', 'Đã thêm nhóm “Hộ tịch”.', 5000);
      await admin.getByTestId('groups-table').locator('tr', { hasText: 'Civil status' }).waitFor();

      await createService(admin, {
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        prefix: 'a',
        group: 'Hộ tịch',
        range: [1001, 1999],
      });
      await waitForText(
        admin,
        'services-notice',
        'Đã thêm dịch vụ “Đăng ký khai sinh” (mã DKKS).',
        5000,
      );
      expect(await admin.getByTestId('service-DKKS').textContent()).toContain('A1001 – A1999');

      // A prefix whose numbers overlap: the server's refusal, in Vietnamese; nothing added.
      await createService(admin, { name: 'Chứng thực bản sao', nameEn: 'Copies', prefix: 'A' });
      await waitForText(
        admin,
        'service-new-error',
        'Tiền tố này đã có dịch vụ khác dùng với dải số trùng nhau.',
        5000,
      );
      await createService(admin, {
        name: 'Chứng thực bản sao',
        nameEn: 'Certified copies',
        prefix: 'B',
      });
      await waitForText(
        admin,
        'services-notice',
        'Đã thêm dịch vụ “Chứng thực bản sao” (mã CTBS).',
        5000,
      );
      await expectAccessibleAndFitting(admin, 'services, filled');

      // The open kiosk lists both new services without a reload (on one level: so few).
      await kiosk.getByTestId('service-CTBS').waitFor({ timeout: LIVE_DEADLINE_MS });
      await kiosk.getByTestId('service-DKKS').waitFor({ timeout: LIVE_DEADLINE_MS });
      const catalogue = (await api.get<CatalogueResponse>('/api/catalogue')).body;
      const group = catalogue.serviceGroups.find((g) => g.name === 'Hộ tịch');
      expect(group).toMatchObject({ nameEn: 'Civil status', parentId: null, active: true });
      const idOf = (code: string) => catalogue.services.find((s) => s.code === code)?.id;
      expect(catalogue.services.find((s) => s.code === 'DKKS')).toMatchObject({
        prefix: 'A',
        groupId: group?.id,
        numberRange: { from: 1001, to: 1999 },
      });

      // Counters: counter 1 calls birth registrations first, then copies.
      await openPage(admin, 'counters');
      await admin.getByTestId('counter-new-number').fill('1');
      await admin.getByTestId('counter-new-name').fill('Quầy 1');
      await admin.getByTestId('counter-new-tiers-tier-1-DKKS').check();
      await admin.getByTestId('counter-new-tiers-add-tier').click();
      // A service ticked in one tier cannot be ticked in another.
      expect(await admin.getByTestId('counter-new-tiers-tier-2-DKKS').isDisabled()).toBe(true);
      await admin.getByTestId('counter-new-tiers-tier-2-CTBS').check();
      await expectAccessibleAndFitting(admin, 'counters, form');
      await admin.getByTestId('counter-new-submit').click();
      await waitForText(admin, 'counters-notice', 'Đã thêm quầy số 1.', 5000);
      expect(await admin.getByTestId('counter-1').textContent()).toContain('1. DKKS2. CTBS');
      await waitForText(admin, 'counter-holder-1', 'Chưa có ai', 2000);
      const counters = (await api.get<CatalogueResponse>('/api/catalogue')).body.counters;
      expect(counters.map((c) => [c.number, c.name, c.tiers])).toEqual([
        [1, 'Quầy 1', [[idOf('DKKS')], [idOf('CTBS')]]],
      ]);
      await expectAccessibleAndFitting(admin, 'counters, listed');

      // Staff: a clerk with a password of the admin's choosing.
      await openPage(admin, 'staff');
      await admin.getByTestId('new-username').fill('lan.nguyen');
      await admin.getByTestId('new-display-name').fill('Nguyễn Thị Lan');
      await admin.getByTestId('new-role').selectOption('clerk');
      await admin.getByTestId('new-password').fill(CLERK_PASSWORD);
      await admin.getByTestId('new-submit').click();
      await waitForText(admin, 'staff-notice', 'Đã tạo tài khoản lan.nguyen.', 5000);

      // A visitor takes a number for copies at the paired kiosk.
      const { number } = await takeNumber(kiosk, 'CTBS');
      expect(number).toBe('B001');

      // The clerk takes counter 1 at 1366×768 and serves the ticket with F1, F3, F4.
      const clerk = await open('/counter', WIDTH, HEIGHT);
      await signIn(clerk, 'lan.nguyen', CLERK_PASSWORD);
      await clerk.getByTestId('counter-1').click();
      await clerk.getByTestId('my-counter').waitFor();
      await clerk.getByTestId(`waiting-${number}`).waitFor({ timeout: LIVE_DEADLINE_MS });
      await clerk.keyboard.press('F1');
      await waitForText(clerk, 'current-number', number, LIVE_DEADLINE_MS);
      await clerk.locator('[data-testid="action-start"]:enabled').waitFor();
      await clerk.keyboard.press('F3');
      await clerk
        .locator('[data-testid="current-status"]', { hasText: 'Đang phục vụ' })
        .waitFor({ timeout: LIVE_DEADLINE_MS });
      await clerk.locator('[data-testid="action-finish"]:enabled').waitFor();
      await clerk.keyboard.press('F4');
      await clerk.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
      await waitForText(clerk, 'day-served', 'Hôm nay đã phục vụ: 1', LIVE_DEADLINE_MS);
      const fits = await clerk.evaluate(() => document.documentElement.scrollHeight);
      expect(fits).toBeLessThanOrEqual(HEIGHT);
      const done = (await api.get<Ticket[]>(`/api/tickets?list=done&counterId=${counters[0]?.id}`))
        .body;
      expect(done.map((t) => [t.number, t.status])).toEqual([[number, 'done']]);

      // The counters page shows who holds counter 1 now, without a reload.
      await openPage(admin, 'counters');
      await waitForText(admin, 'counter-holder-1', 'Nguyễn Thị Lan', LIVE_DEADLINE_MS);

      // Removing a service with tickets keeps it, inactive, and says so; the kiosk drops it.
      await openPage(admin, 'services');
      await admin.getByTestId('service-delete-CTBS').click();
      await waitForText(
        admin,
        'services-notice',
        '“Chứng thực bản sao” đang được dùng (có số đã cấp hoặc đang gắn với mục khác) nên không xóa được: đã chuyển sang ngừng dùng.',
        5000,
      );
      expect(await admin.getByTestId('service-CTBS').textContent()).toContain('Ngừng dùng');
      await kiosk
        .getByTestId('service-CTBS')
        .waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });
    }, 120000);
  },
  { env: { LUOT_DEMO: '0' } },
);
