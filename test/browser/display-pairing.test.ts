import type { Page } from 'playwright-core';
import type { Device } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { SERVICE, act, issue } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { LIVE_DEADLINE_MS, describeInChromium, textContaining, waitForText } from './harness';

/** The display polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;
const NAME = 'Màn hình khu A';

/** In the page: the calls the display's announcer has started to say (its voice log). */
const ANNOUNCED = `(window.__luotVoice?.log ?? [])
  .filter((e) => e.kind === 'note' && e.note.startsWith('start'))
  .map((e) => e.key)`;
const announced = async (page: Page) => (await page.evaluate(ANNOUNCED)) as string[];

describeInChromium(
  'hall display pairing and its stored filter, in Chromium',
  ({ open, server }) => {
    let admin: ApiClient;

    beforeAll(async () => {
      admin = new ApiClient(server().url);
      await admin.login(server().adminUsername, server().adminPassword);
    });

    test('a display paired from its own screen applies the filter an admin stores on it, and an address filter wins', async () => {
      // Arrange: an installer opens /display?pair.
      const display = await open('/display?pair', 1920, 1080);
      const code = display.getByTestId('pairing-code');
      await code.waitFor();
      // The English line follows once its catalogue has loaded.
      const screen = await textContaining(
        display,
        'pairing-screen',
        ['Ghép nối màn hình gọi số', 'Pair this hall display'],
        LIVE_DEADLINE_MS,
      );
      expect(screen).toContain('Quản trị viên nhập mã này');
      expect(await seriousViolations(display)).toEqual([]);

      // Act: the administrator approves the code, then limits the display to one service.
      const approved = await admin.post<{ device: Device }>('/api/devices/pair', {
        code: (await code.textContent()) ?? '',
        name: NAME,
      });
      expect(approved.status).toBe(200);
      expect(approved.body.device.kind).toBe('display');

      // Assert: back to the calls, the address without ?pair, every service listed.
      await display.getByTestId('waiting-list').waitFor({ timeout: POLL_MS + LIVE_DEADLINE_MS });
      expect(new URL(display.url()).search).toBe('');
      expect(await display.getByTestId('waiting-DKKD').count()).toBe(1);

      const patched = await admin.request('PATCH', `/api/devices/${approved.body.device.id}`, {
        body: { serviceIds: [SERVICE.DDTN] },
      });
      expect(patched.status).toBe(200);
      await display.reload();
      await waitForText(
        display,
        'display-filter',
        'Màn hình này chỉ hiện: Đất đai – Tài nguyên môi trường',
        LIVE_DEADLINE_MS,
      );
      expect(await display.getByTestId('waiting-DKKD').count()).toBe(0);
      expect(await display.getByTestId('waiting-DDTN').count()).toBe(1);

      // The address's filter wins over the stored one on the same (still paired) display.
      await display.goto(`${server().url}/display?services=DKKD`);
      await waitForText(
        display,
        'display-filter',
        'Màn hình này chỉ hiện: Đăng ký kinh doanh',
        LIVE_DEADLINE_MS,
      );
      expect(await display.getByTestId('waiting-DDTN').count()).toBe(0);
    }, 60000);

    test('a paired display says nothing until the server has told it its current filter', async () => {
      staffCounters(server());
      // Paired with no filter; then an administrator limits it to Đất đai (DDTN).
      const display = await open('/display?pair', 1920, 1080);
      const code = display.getByTestId('pairing-code');
      await code.waitFor();
      const approved = await admin.post<{ device: Device }>('/api/devices/pair', {
        code: (await code.textContent()) ?? '',
        name: 'Màn hình khu B',
      });
      expect(approved.status).toBe(200);
      await display.getByTestId('waiting-list').waitFor({ timeout: POLL_MS + LIVE_DEADLINE_MS });
      const patched = await admin.request('PATCH', `/api/devices/${approved.body.device.id}`, {
        body: { serviceIds: [SERVICE.DDTN] },
      });
      expect(patched.status).toBe(200);

      // Restarted while the server is slow to say what the device record holds now: the
      // page's stored record (no filter) is stale.
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await display.route('**/api/devices/me', async (route) => {
        await released;
        await route.continue();
      });
      await display.reload();
      await display.getByTestId('waiting-DKKD').waitFor();
      const otherWing = await issue(admin, SERVICE.DKKD);
      const called = await act(admin, 2, 'call-next');
      expect(called.ticket.number).toBe(otherWing.ticket.number);
      await waitForText(display, 'latest-number', otherWing.ticket.number, LIVE_DEADLINE_MS);
      await display.waitForTimeout(1000);
      release();
      await waitForText(
        display,
        'display-filter',
        'Màn hình này chỉ hiện: Đất đai – Tài nguyên môi trường',
        LIVE_DEADLINE_MS,
      );
      await display.waitForTimeout(1000);
      expect(await announced(display)).toEqual([]);

      // Its own wing's call is announced.
      await issue(admin, SERVICE.DDTN);
      await act(admin, 3, 'call-next');
      await display.waitForFunction(`${ANNOUNCED}.length > 0`, undefined, { timeout: 5000 });
      expect(await announced(display)).toHaveLength(1);
    }, 40000);

    test('the pairing entry stays out of sight until an installer tabs to it, and leads back to the calls', async () => {
      const display = await open('/display', 1920, 1080);
      await display.getByTestId('waiting-list').waitFor();
      const entry = display.getByTestId('pair-entry');
      expect((await entry.boundingBox())?.width).toBeLessThanOrEqual(1);

      await entry.focus();
      await display.keyboard.press('Enter');

      await display.getByTestId('pairing-code').waitFor();
      expect(await display.getByTestId('pairing-current').count()).toBe(0);
      await display.getByTestId('pairing-leave').click();
      await display.getByTestId('waiting-list').waitFor();
    }, 30000);
  },
);
