import type { StateSnapshot } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';
import { signInAsAdmin } from './sign-in';

describeInChromium(
  'the centre’s time zone on the admin Centre page, in Chromium',
  ({ open, server }) => {
    test('an admin changes the zone; an open hall display’s clock follows without reload', async () => {
      // Arrange: the server's clock is 2026-11-27T02:00Z: 09:00 on Friday in Vietnam, 21:00
      // on Thursday the 26th in New York.
      const display = await open('/display', 1920, 1080);
      const clock = display.getByTestId('clock');
      await clock.filter({ hasText: '27/11/2026' }).waitFor({ timeout: LIVE_DEADLINE_MS });
      const admin = await open('/admin', 1366, 768);
      await signInAsAdmin(admin, server());
      const field = admin.getByTestId('centre-time-zone');
      await field.waitFor();
      expect(await field.inputValue()).toBe('Asia/Ho_Chi_Minh');
      // Editable once the page knows the deployment does not fix it.
      await admin.locator('[data-testid="centre-time-zone"]:not([readonly])').waitFor();

      // A zone Intl does not know is caught before it is sent, naming it.
      await field.fill('Hà Nội');
      await admin.getByTestId('centre-save').click();
      await waitForText(
        admin,
        'centre-error',
        'Múi giờ “Hà Nội” không hợp lệ. Ví dụ: Asia/Ho_Chi_Minh.',
        2000,
      );

      // Act
      await field.fill('america/new_york');
      await admin.getByTestId('centre-save').click();
      await waitForText(admin, 'centre-saved', 'Đã lưu. Các màn hình cập nhật ngay.', 5000);

      // Assert: stored as Intl spells it, told to screens, and the display's clock moved.
      const state = await new ApiClient(server().url).get<StateSnapshot>('/api/state');
      expect(state.body.centre.timeZone).toBe('America/New_York');
      await clock.filter({ hasText: '26/11/2026' }).waitFor({ timeout: LIVE_DEADLINE_MS });
      expect((await clock.textContent()) ?? '').toMatch(/21:0\d:\d\d/);
      expect(await field.inputValue()).toBe('America/New_York');
      // The admin app's own header clock follows too, without a reload.
      const header = admin.getByTestId('clock');
      await header.filter({ hasText: '26/11/2026' }).waitFor({ timeout: LIVE_DEADLINE_MS });
      expect((await header.textContent()) ?? '').toMatch(/^21:0\d/);
      expect(await seriousViolations(admin)).toEqual([]);
    }, 60000);
  },
);

describeInChromium(
  'the centre’s time zone fixed by LUOT_TIME_ZONE, in Chromium',
  ({ open, server }) => {
    test('the Centre page shows the deployment’s zone read-only, and says why', async () => {
      const admin = await open('/admin', 1366, 768);
      await signInAsAdmin(admin, server());
      await admin
        .locator('#centre-time-zone-hint')
        .filter({ hasText: 'Đặt khi cài máy chủ (biến LUOT_TIME_ZONE), không đổi tại đây.' })
        .waitFor();
      const field = admin.getByTestId('centre-time-zone');
      expect(await field.inputValue()).toBe('Asia/Bangkok');
      expect(await field.getAttribute('readonly')).not.toBeNull();
      expect(await seriousViolations(admin)).toEqual([]);
    }, 30000);
  },
  { env: { LUOT_TIME_ZONE: 'Asia/Bangkok' } },
);
