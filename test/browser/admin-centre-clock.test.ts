import type { Page } from 'playwright-core';
import { describeInChromium } from './harness';
import { signInAsAdmin } from './sign-in';

/** The office PC set to a zone far from the centre's, as Chromium's DevTools can set it. */
async function setPcZone(page: Page, timezoneId: string): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setTimezoneOverride', { timezoneId });
}

describeInChromium(
  'the admin app’s times, in the centre’s zone, in Chromium',
  ({ open, server }) => {
    test('on a PC set to Honolulu, the header clock and the audit log show Vietnam’s time and date', async () => {
      // The server's clock is 2026-11-27T02:00Z: 09:00 on Friday the 27th in Vietnam, 16:00
      // on Thursday the 26th in Honolulu.
      const admin = await open('/admin', 1366, 768);
      await setPcZone(admin, 'Pacific/Honolulu');
      await admin.reload();
      expect(await admin.evaluate(() => new Date(Date.UTC(2026, 10, 27, 2)).getHours())).toBe(16);
      await signInAsAdmin(admin, server());

      const clock = admin.getByTestId('clock');
      await clock.filter({ hasText: '27/11/2026' }).waitFor();
      expect((await clock.textContent()) ?? '').toMatch(/^09:0\d/);
      await admin.getByTestId('nav-audit').click();
      const table = admin.getByTestId('audit-table');
      await table.locator('tbody tr').first().waitFor();
      const firstRow = (await table.locator('tbody tr').first().textContent()) ?? '';
      expect(firstRow).toMatch(/09:0\d:\d\d/);
      expect(firstRow).toContain('27/11/2026');
    }, 60000);
  },
);
