import type { Device } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { SERVICE } from '../support/queue-helpers';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';

/** The display polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;
const NAME = 'Màn hình khu A';

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
      const screen = (await display.getByTestId('pairing-screen').textContent()) ?? '';
      expect(screen).toContain('Ghép nối màn hình gọi số');
      expect(screen).toContain('Pair this hall display');
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
