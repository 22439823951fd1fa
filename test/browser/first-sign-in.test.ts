import { ApiClient } from '../support/api-client';
import { describeInChromium } from './harness';

describeInChromium('a clerk signing in with a generated password, in Chromium', (harness) => {
  test('must set a new password before the counters show, and can then sign in with it', async () => {
    const { url, adminUsername, adminPassword } = harness.server();
    const admin = new ApiClient(url);
    await admin.login(adminUsername, adminPassword);
    const created = await admin.post<{ password: string }>('/api/staff', {
      username: 'lan',
      displayName: 'Nguyễn Thị Lan',
      role: 'clerk',
    });
    expect(created.status).toBe(201);

    const page = await harness.open('/counter', 1366, 900);
    await page.getByTestId('login-username').fill('lan');
    await page.getByTestId('login-password').fill(created.body.password);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('change-password').waitFor();
    expect(await page.getByTestId('counter-1').count()).toBe(0);
    await page.getByTestId('password-current').fill(created.body.password);
    await page.getByTestId('password-new').fill('mật-khẩu-mới-của-Lan');
    await page.getByTestId('password-confirm').fill('mật-khẩu-mới-của-Lan');
    await page.getByTestId('password-submit').click();

    await page.getByTestId('counter-1').waitFor();
    const again = new ApiClient(url);
    await again.login('lan', 'mật-khẩu-mới-của-Lan');
    const me = await again.get<{ user: { mustChangePassword: boolean } }>('/api/auth/me');
    expect(me.body.user.mustChangePassword).toBe(false);
  });
});
