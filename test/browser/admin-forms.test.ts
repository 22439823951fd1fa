import { STAFF_PASSWORD, addStaff } from '../support/accounts';
import { describeInChromium, waitForText } from './harness';
import { openAdminPageAs as openAs } from './sign-in';

describeInChromium(
  'the admin app’s forms as a new centre’s administrator meets them, in Chromium',
  ({ open, server }) => {
    const admin = (path: string) =>
      openAs(open, path, server().adminUsername, server().adminPassword);

    test('a too-short password gets the server’s Vietnamese refusal on the page, not the browser’s bubble', async () => {
      const page = await admin('/admin/staff');
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/staff')) requests.push(r.url());
      });
      await page.getByTestId('new-username').fill('canbo-moi');
      await page.getByTestId('new-display-name').fill('Cán bộ mới');
      await page.getByTestId('new-password').fill('12345');

      await page.getByTestId('new-submit').click();

      await waitForText(
        page,
        'staff-create-error',
        'Mật khẩu cần ít nhất 10 ký tự, khác tên đăng nhập và mật khẩu cũ.',
        5000,
      );
      expect(requests).toHaveLength(1);
      // Every admin form leaves checking to the app, so no English bubble can show.
      const forms = await page
        .locator('form')
        .evaluateAll((all) => all.map((f) => f.hasAttribute('novalidate')));
      expect(forms.length).toBeGreaterThan(0);
      expect(forms.every(Boolean)).toBe(true);
    });

    test('a new submit clears the last success notice: a refused service leaves its error alone', async () => {
      const page = await admin('/admin/services');
      await page.getByTestId('service-new-name').fill('Đăng ký khai sinh');
      await page.getByTestId('service-new-prefix').fill('A');
      await page.getByTestId('service-new-submit').click();
      await page.getByTestId('services-notice').waitFor();
      expect(await page.getByTestId('services-notice').textContent()).toMatch(/^Đã thêm dịch vụ/);

      await page.getByTestId('service-new-name').fill('Chứng thực bản sao');
      await page.getByTestId('service-new-prefix').fill('B');
      await page.getByTestId('service-new-from').fill('50');
      await page.getByTestId('service-new-to').fill('10');
      await page.getByTestId('service-new-submit').click();

      await waitForText(
        page,
        'service-new-error',
        'Số đầu của dải số không được lớn hơn số cuối.',
        5000,
      );
      expect(await page.getByTestId('services-notice').count()).toBe(0);
    });

    test('the header names the default admin’s role once, and name · role for anyone else', async () => {
      const page = await admin('/admin/staff');
      const subtitle = page.locator('.subtitle');
      expect(await subtitle.textContent()).toBe('Quản trị viên');

      await addStaff(server(), 'nguyen-an', 'admin');
      const signed = await openAs(open, '/admin/staff', 'nguyen-an', STAFF_PASSWORD);
      expect(await signed.locator('.subtitle').textContent()).toBe(
        'Cán bộ nguyen-an · Quản trị viên',
      );
    });
  },
  { env: { LUOT_DEMO: '0' } },
);
