import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describeInChromium } from './harness';

const PUBLIC_URL = 'http://192.0.2.10:8080';

describeInChromium(
  'screens use the server’s public URL and the centre’s zone, in Chromium',
  ({ open }) => {
    test('the kiosk’s QR code opens the tracking page at the public URL, not the kiosk’s origin', async () => {
      // Arrange: the kiosk browser is at http://127.0.0.1:<port>, phones reach 192.0.2.10.
      const kiosk = await open('/kiosk', 1080, 1920);

      // Act
      await kiosk.getByTestId('service-DKKD').click();
      await kiosk.getByTestId('priority-none').click();
      const qr = kiosk.getByTestId('qr-code');
      await qr.waitFor();

      // Assert
      const png = PNG.sync.read(await qr.screenshot());
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toMatch(new RegExp(`^${PUBLIC_URL}/t/[A-Za-z0-9_-]+$`));
      expect(await kiosk.getByTestId('tracking-url').textContent()).toBe(decoded?.data);
    }, 30000);

    test('a hall screen shows the time in the centre’s zone, not Hà Nội’s or the browser’s', async () => {
      // Arrange: the server's clock is 2026-11-27T02:00Z: 21:00 on Thursday the 26th in
      // New York, 09:00 on Friday in Vietnam.
      const display = await open('/display', 1920, 1080);

      // Act
      const clock = display.getByTestId('clock');
      await clock.filter({ hasText: '26/11/2026' }).waitFor();

      // Assert
      const text = (await clock.textContent()) ?? '';
      expect(text).toMatch(/21:0\d:\d\d/);
      expect(text).toContain('Thứ Năm');
    }, 30000);
  },
  { env: { LUOT_PUBLIC_URL: PUBLIC_URL, LUOT_TIME_ZONE: 'America/New_York' } },
);
