import type { Page } from 'playwright-core';
import type { CentreSettings, Device, StaffAccount } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';
import { expectNoSidewaysScroll } from './page-fit';
import { signIn, signInAsAdmin } from './sign-in';

/** The kiosk polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;
/** The devices page reads its list again this often (admin-ui/src/pages/DevicesPage.tsx). */
const REFRESH_MS = 5000;
const WIDTH = 1366;
const HEIGHT = 768;

async function openPage(admin: Page, id: string): Promise<void> {
  await admin.getByTestId(`nav-${id}`).click();
  await admin.getByTestId(`page-${id}`).waitFor();
  expect(new URL(admin.url()).pathname).toBe(`/admin/${id}`);
}

describeInChromium('the admin app, in Chromium', ({ open, server }) => {
  let api: ApiClient;

  beforeAll(async () => {
    api = new ApiClient(server().url);
    await api.login(server().adminUsername, server().adminPassword);
  });

  test('an admin renames the centre and sets the ticker; the hall display shows both live', async () => {
    const display = await open('/display', 1920, 1080);
    await display.getByTestId('centre-name').waitFor();
    const admin = await open('/admin', WIDTH, HEIGHT);

    // The sign-in form, in Vietnamese first, accessible.
    await admin.getByTestId('login-username').waitFor();
    expect(await admin.locator('h2').textContent()).toBe('Đăng nhập');
    expect(await seriousViolations(admin)).toEqual([]);
    await signInAsAdmin(admin, server());

    // The centre page opens first; each page of the navigation is axe clean and fits.
    await admin.getByTestId('centre-form').waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin');
    expect(await seriousViolations(admin)).toEqual([]);
    await expectNoSidewaysScroll(admin, WIDTH);

    const name = 'Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng';
    const ticker = 'Trung tâm nghỉ lễ Quốc khánh ngày 2/9.';
    await admin.getByTestId('centre-name').fill(name);
    await admin.getByTestId('centre-ticker').fill(ticker);
    await admin.getByTestId('centre-save').click();
    await waitForText(admin, 'centre-saved', 'Đã lưu. Các màn hình cập nhật ngay.', 5000);

    await waitForText(display, 'centre-name', name, LIVE_DEADLINE_MS);
    await display.getByTestId('ticker').filter({ hasText: ticker }).waitFor({
      timeout: LIVE_DEADLINE_MS,
    });
    const stored = await api.get<CentreSettings>('/api/settings');
    expect(stored.body.centreName).toBe(name);
    expect(stored.body.tickerText).toBe(ticker);

    // Only what changed was sent: the audit trail names the two fields.
    await openPage(admin, 'audit');
    const row = admin.getByTestId('audit-table').locator('tr', { hasText: 'settings.update' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('centreName');
    expect(await seriousViolations(admin)).toEqual([]);
    await expectNoSidewaysScroll(admin, WIDTH);

    // A bad opening-hours line is caught before it is sent, with a message saying which day.
    await openPage(admin, 'centre');
    await admin.getByTestId('hours-1').fill('07:30-25:00');
    await admin.getByTestId('centre-save').click();
    await waitForText(
      admin,
      'centre-error',
      'Thứ Hai: giờ phải theo dạng 07:30-11:30, tăng dần, không chồng nhau.',
      2000,
    );

    // A refusal by the server shows its message in Vietnamese.
    await admin.getByTestId('hours-1').fill('07:30-11:30, 13:30-17:00');
    await admin.getByTestId('voice-template').fill('Mời số {number}');
    await admin.getByTestId('centre-save').click();
    await waitForText(admin, 'centre-error', 'Dữ liệu không hợp lệ.', 5000);

    // English on request.
    await admin.getByTestId('lang-toggle').click();
    await waitForText(admin, 'nav-centre', 'Centre', 5000);
  }, 60000);

  test('an admin approves the pairing code a kiosk shows, and the kiosk pairs', async () => {
    const admin = await open('/admin/centre', WIDTH, HEIGHT);
    await signInAsAdmin(admin, server());
    await admin.getByTestId('centre-form').waitFor();

    // Pairing required, set on the centre page; an open kiosk hears it and shows a code.
    const kiosk = await open('/kiosk', 1080, 1920);
    await kiosk.getByTestId('service-DKKD').waitFor();
    await admin.getByTestId('centre-kiosk-policy').selectOption('paired');
    await admin.getByTestId('centre-save').click();
    await admin.getByTestId('centre-saved').waitFor();
    const codeShown = kiosk.getByTestId('pairing-code');
    await codeShown.waitFor({ timeout: LIVE_DEADLINE_MS + 3000 });
    const code = (await codeShown.textContent()) ?? '';
    expect(code).toMatch(/^[0-9]{6}$/);

    await openPage(admin, 'devices');
    expect(await seriousViolations(admin)).toEqual([]);
    // A wrong code: the server's answer, in Vietnamese.
    await admin.getByTestId('pair-code').fill(code === '000000' ? '111111' : '000000');
    await admin.getByTestId('pair-name').fill('Kiosk sảnh');
    await admin.getByTestId('pair-submit').click();
    await waitForText(admin, 'pair-error', 'Không tìm thấy.', 5000);

    await admin.getByTestId('pair-code').fill(code);
    await admin.getByTestId('pair-name').fill('Kiosk sảnh tầng 1');
    await admin.getByTestId('pair-submit').click();
    await waitForText(admin, 'devices-notice', 'Đã ghép nối “Kiosk sảnh tầng 1”.', 5000);
    await waitForText(kiosk, 'paired-name', 'Tên kiosk: Kiosk sảnh tầng 1', POLL_MS + 5000);

    // Listed once the kiosk collected its token, without reloading the page.
    const row = admin.getByTestId('devices-table').locator('tr', { hasText: 'Kiosk sảnh tầng 1' });
    await row.waitFor({ timeout: REFRESH_MS + 3000 });
    expect(await row.textContent()).toContain('Kiosk');
    const devices = await api.get<Device[]>('/api/devices');
    expect(devices.body.map((d) => [d.kind, d.name])).toContainEqual([
      'kiosk',
      'Kiosk sảnh tầng 1',
    ]);
    expect(await seriousViolations(admin)).toEqual([]);
    await expectNoSidewaysScroll(admin, WIDTH);

    // Back to the open policy for the other tests.
    expect(
      (await api.request('PATCH', '/api/settings', { body: { kioskPolicy: 'open' } })).status,
    ).toBe(200);
  }, 60000);

  test('an admin creates a clerk, who is refused politely at /admin after setting a password', async () => {
    const admin = await open('/admin/staff', WIDTH, HEIGHT);
    await signInAsAdmin(admin, server());
    await admin.getByTestId('staff-create').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.getByTestId('new-username').fill('hoa.le');
    await admin.getByTestId('new-display-name').fill('Lê Thị Hoa');
    await admin.getByTestId('new-role').selectOption('clerk');
    await admin.getByTestId('new-submit').click();
    const notice = admin.getByTestId('staff-notice');
    await notice.waitFor();
    const shown = (await notice.textContent()) ?? '';
    const password = /Mật khẩu tạm của hoa\.le: (\S+)\./.exec(shown)?.[1];
    expect(password).toBeDefined();
    await admin.getByTestId('staff-hoa.le').waitFor();
    expect(await admin.getByTestId('staff-hoa.le').textContent()).toContain('Lê Thị Hoa');
    const accounts = await api.get<StaffAccount[]>('/api/staff');
    expect(accounts.body.find((a) => a.username === 'hoa.le')).toMatchObject({
      role: 'clerk',
      mustChangePassword: true,
    });

    // The same username again: the server's refusal, in Vietnamese.
    await admin.getByTestId('new-username').fill('HOA.LE');
    await admin.getByTestId('new-display-name').fill('Lê Thị Hoa');
    await admin.getByTestId('new-submit').click();
    await waitForText(admin, 'staff-create-error', 'Tên đăng nhập này đã có người dùng.', 5000);
    await expectNoSidewaysScroll(admin, WIDTH);

    for (const id of ['printers', 'audit', 'devices', 'centre']) {
      await openPage(admin, id);
      await admin.getByTestId(`page-${id}`).locator('h2').waitFor();
      expect({ id, violations: await seriousViolations(admin) }).toEqual({ id, violations: [] });
    }

    // The clerk, at /admin: first the forced password change, then a polite refusal.
    const clerk = await open('/admin', WIDTH, HEIGHT);
    await signIn(clerk, 'hoa.le', password ?? '');
    await clerk.getByTestId('change-password').waitFor();
    await clerk.getByTestId('password-current').fill(password ?? '');
    await clerk.getByTestId('password-new').fill('Hoa-quay-5-2026');
    await clerk.getByTestId('password-confirm').fill('Hoa-quay-5-2026');
    await clerk.getByTestId('password-submit').click();
    const refused = clerk.getByTestId('admin-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'Trang quản trị chỉ dành cho giám sát viên và quản trị viên.',
    );
    expect(await clerk.getByTestId('nav-centre').count()).toBe(0);
    expect(await seriousViolations(clerk)).toEqual([]);
  }, 90000);
});
