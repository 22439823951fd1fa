import type { PrinterView } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { closedPort, type FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';

/** `GS v 0`: the start of every raster band, so the number of jobs can be told apart. */
const RASTER_START = Buffer.of(0x1d, 0x76, 0x30);

describeInChromium('printing from the counter, in Chromium', ({ openCounter, server }) => {
  let device: FakePrinter | undefined;

  afterAll(async () => {
    await device?.close();
  });

  test('the clerk sees the printers live and reprints the ticket at the desk', async () => {
    // Arrange: a default network printer, a ticket printed on it, the clerk calls it.
    const configured = await addFakePrinter(server(), 'ok');
    const { admin, printer } = configured;
    device = configured.device;
    const issued = await new ApiClient(server().url).issue(1);
    const counter = await openCounter(1);
    const row = counter.getByTestId(`printer-${printer.id}`);
    // All well, so the panel is folded: the row is there, out of sight.
    await row.waitFor({ state: 'attached', timeout: LIVE_DEADLINE_MS });
    expect(await row.isVisible()).toBe(false);
    await counter.getByTestId('action-call-next').click();
    await waitForText(counter, 'current-number', issued.ticket.number, LIVE_DEADLINE_MS);
    const printedOnce = device.received().length;
    expect(printedOnce).toBeGreaterThan(0);

    // Act: the paper runs out, then the clerk reprints after changing it.
    device.setMode('paper-end');
    await admin.get(`/api/printers/${printer.id}/status`);
    await counter
      .locator(`[data-testid="printer-${printer.id}"][data-state="paper_end"]`)
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    // A fault unfolds the panel by itself.
    expect(await row.isVisible()).toBe(true);
    const faultText = await row.textContent();
    device.setMode('ok');
    await counter.getByTestId('action-reprint').click();

    // Assert: the panel said "Hết giấy"; the reprint reached the printer and the desk says so.
    expect(faultText).toContain('Máy in sảnh');
    expect(faultText).toContain('Hết giấy');
    const status = counter.locator('[data-testid="reprint-status"][data-status="done"]');
    await status.waitFor({ timeout: LIVE_DEADLINE_MS + 3000 });
    expect(await status.textContent()).toBe(`Đã in lại vé ${issued.ticket.number}.`);
    expect(device.received().subarray(printedOnce).indexOf(RASTER_START)).not.toBe(-1);
    await counter
      .locator(`[data-testid="printer-${printer.id}"][data-state="online"]`)
      .waitFor({ state: 'attached', timeout: LIVE_DEADLINE_MS });
  }, 60000);
});

describeInChromium(
  'tickets whose print failed, on a supervisor’s counter screen, in Chromium',
  ({ openCounter, server }) => {
    let device: FakePrinter | undefined;

    afterAll(async () => {
      await device?.close();
    });

    test('lists a waiting visitor’s failed print and reprints it once a printer works', async () => {
      // Arrange: the default printer cannot be reached, so the ticket's print fails.
      const admin = new ApiClient(server().url);
      await admin.login(server().adminUsername, server().adminPassword);
      const broken = await admin.post<PrinterView>('/api/printers', {
        name: 'Máy in sảnh',
        target: `tcp://127.0.0.1:${await closedPort()}`,
        isDefault: true,
      });
      expect(broken.status).toBe(201);
      const issued = await new ApiClient(server().url).issue(1);
      const counter = await openCounter(2);
      const row = counter.getByTestId(`failed-print-${issued.ticket.number}`);
      await row.waitFor({ timeout: LIVE_DEADLINE_MS + 3000 });
      const rowText = await row.textContent();

      // Act: the admin replaces the printer; the supervisor presses "In lại".
      const patched = await admin.request('PATCH', `/api/printers/${broken.body.id}`, {
        body: { active: false },
      });
      expect(patched.status).toBe(200);
      const working = await addFakePrinter(server(), 'ok', { name: 'Máy in mới' });
      device = working.device;
      await counter.getByTestId(`reprint-${issued.ticket.number}`).click();

      // Assert: the row named the ticket and the printer; it leaves once the ticket printed.
      expect(rowText).toContain(`Vé ${issued.ticket.number} · Máy in sảnh`);
      await row.waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS + 3000 });
      expect(device.received().indexOf(RASTER_START)).not.toBe(-1);
    }, 60000);
  },
  { printing: { maxAttempts: 2, retryBaseMs: 10, retryMaxMs: 20 } },
);
