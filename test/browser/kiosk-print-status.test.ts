import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { describeInChromium } from './harness';

/**
 * The printer never answers status requests, so each job waits out the status timeout
 * before and after the ticket is sent: printing lasts long enough to be seen, then succeeds.
 */
const STATUS_TIMEOUT_MS = 2500;

describeInChromium(
  'the kiosk’s print status on the result screen, in Chromium',
  ({ open, server }) => {
    let device: FakePrinter | undefined;

    afterAll(async () => {
      await device?.close();
    });

    test('says "Đang in…" while the ticket prints, then "Mời nhận phiếu"', async () => {
      // Arrange: a network printer on 127.0.0.1 the kiosk's tickets print on.
      device = (await addFakePrinter(server(), 'silent', { name: 'Máy in kiosk' })).device;
      const kiosk = await open('/kiosk', 1080, 1920);

      // Act
      await kiosk.getByTestId('service-DKKD').click();
      await kiosk.getByTestId('priority-none').click();
      await kiosk.getByTestId('issued-number').waitFor();

      // Assert: printing first, then done; the ticket reached the printer.
      const printState = kiosk.getByTestId('print-state');
      await kiosk.locator('[data-testid="print-state"][data-state="printing"]').waitFor();
      expect(await printState.textContent()).toBe('Đang in…');
      expect(await printState.getAttribute('role')).toBe('status');
      await kiosk
        .locator('[data-testid="print-state"][data-state="printed"]')
        .waitFor({ timeout: 4 * STATUS_TIMEOUT_MS + 3000 });
      expect(await printState.textContent()).toBe('Mời nhận phiếu');
      expect(device.received().length).toBeGreaterThan(0);
      expect(await kiosk.getByTestId('printer-banner').count()).toBe(0);
    }, 60000);
  },
  { printing: { statusTimeoutMs: STATUS_TIMEOUT_MS } },
);
