import { ApiClient } from '../support/api-client';
import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { LIVE_DEADLINE_MS, describeInChromium, textContaining } from './harness';

describeInChromium(
  'kiosk warning when its printer is out of paper, in Chromium',
  ({ open, server }) => {
    let device: FakePrinter | undefined;

    afterAll(async () => {
      await device?.close();
    });

    test('the banner shows before a service is chosen and the issued number reminds the visitor', async () => {
      const kiosk = await open('/kiosk', 1080, 1920);
      await kiosk.getByTestId('service-DKKD').waitFor();
      expect(await kiosk.getByTestId('printer-banner').count()).toBe(0);

      device = (await addFakePrinter(server(), 'paper-end', { name: 'Máy in kiosk' })).device;
      // A ticket from elsewhere makes the worker find the paper out; the kiosk hears it live.
      await new ApiClient(server().url).issue(1);

      // Both languages, the English as soon as its catalogue is in.
      const text = await textContaining(
        kiosk,
        'printer-banner',
        ['Máy in đang hết giấy', 'The printer is out of paper'],
        LIVE_DEADLINE_MS + 3000,
      );
      expect(text).not.toContain('kiosk.printer');

      // Issuing still works, and the number screen reminds the visitor to remember it.
      await kiosk.getByTestId('service-DKKD').click();
      await kiosk.getByTestId('priority-none').click();
      await kiosk.getByTestId('issued-number').waitFor();
      const printState = kiosk.getByTestId('print-state');
      expect(await printState.getAttribute('data-state')).toBe('failed');
      expect(await printState.textContent()).toBe('Máy in gặp sự cố — vui lòng ghi nhớ số của bạn');
    }, 60000);
  },
);
