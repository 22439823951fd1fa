import type { Page } from 'playwright-core';
import { describeInChromium, waitForText } from './harness';

/** Signs in at /admin/<page> as the first admin, at the office PC's 1366×768. */
async function openAs(
  open: (path: string, w: number, h: number) => Promise<Page>,
  path: string,
  username: string,
  password: string,
): Promise<Page> {
  const page = await open(path, 1366, 768);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page
    .getByTestId(`page-${path.split('/')[2]}`)
    .locator('h2')
    .waitFor();
  return page;
}

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
        'Mật khẩu mới quá ngắn hoặc trùng mật khẩu cũ.',
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
  },
  { env: { LUOT_DEMO: '0' } },
);
