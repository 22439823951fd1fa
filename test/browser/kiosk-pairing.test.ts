import type { Page } from 'playwright-core';
import type { Device, PrintJob, StateSnapshot } from '../../server/src/contract';
import { PAIRING_TTL_MS } from '../../server/src/auth/device-service';
import { ApiClient } from '../support/api-client';
import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { LIVE_DEADLINE_MS, describeInChromium, textContaining, waitForText } from './harness';

/** The kiosk polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;
/** The kiosk shows its new name this long before the menu (kiosk-ui/src/PairedNotice.tsx). */
const PAIRED_NOTICE_MS = 4000;
const KIOSK_NAME = 'Kiosk sảnh tầng 1';

/** The code the kiosk shows once it has one. */
async function shownCode(kiosk: Page): Promise<string> {
  const code = kiosk.getByTestId('pairing-code');
  await code.waitFor();
  return (await code.textContent()) ?? '';
}

describeInChromium('kiosk pairing, in Chromium', ({ open, server, clock }) => {
  const devices: FakePrinter[] = [];
  let admin: ApiClient;

  beforeAll(async () => {
    admin = new ApiClient(server().url);
    await admin.login(server().adminUsername, server().adminPassword);
  });

  afterAll(async () => {
    for (const device of devices) await device.close();
  });

  test('an installer opens /kiosk?pair under the open policy and may go back to the menu', async () => {
    const kiosk = await open('/kiosk?pair', 1080, 1920);

    expect(await shownCode(kiosk)).toMatch(/^[0-9]{6}$/);
    // The English line follows once its catalogue has loaded.
    const screen = await textContaining(
      kiosk,
      'pairing-screen',
      ['Ghép nối kiosk', 'Pair this kiosk'],
      LIVE_DEADLINE_MS,
    );
    expect(screen).toContain('Quản trị viên nhập mã này');
    await kiosk.getByTestId('pairing-leave').click();

    await kiosk.getByTestId('service-DKKD').waitFor();
    expect(new URL(kiosk.url()).search).toBe('');
    expect(await kiosk.getByTestId('kiosk-device-name').count()).toBe(0);
  }, 30000);

  test('once pairing is required the kiosk pairs, prints on its own printer, keeps its identity over a reload and pairs again when revoked', async () => {
    // Arrange: a kiosk in use under the open policy; the default printer works and said so.
    const kiosk = await open('/kiosk', 1080, 1920);
    await kiosk.getByTestId('service-DKKD').waitFor();
    const fallback = await addFakePrinter(server(), 'ok');
    devices.push(fallback.device);
    await admin.get(`/api/printers/${fallback.printer.id}/status`);

    // Only paired kiosks may issue from now on: the kiosk hears it live and shows a code,
    // with a countdown, and no way back to the menu.
    const policy = await admin.request('PATCH', '/api/settings', {
      body: { kioskPolicy: 'paired' },
    });
    expect(policy.status).toBe(200);
    const firstCode = await shownCode(kiosk);
    expect(firstCode).toMatch(/^[0-9]{6}$/);
    expect(await kiosk.getByTestId('pairing-countdown').textContent()).toMatch(
      /^Mã hết hạn sau (10:00|9:5[0-9])$/,
    );
    expect(await kiosk.getByTestId('pairing-leave').count()).toBe(0);
    expect(await kiosk.getByTestId('service-DKKD').count()).toBe(0);

    // A code the administrator did not approve in time gives way to a fresh one.
    const fresh = kiosk.waitForResponse(
      (r) => r.url().endsWith('/api/devices/pair-requests') && r.status() === 201,
      { timeout: POLL_MS + LIVE_DEADLINE_MS },
    );
    clock().advance(PAIRING_TTL_MS + 1000);
    await fresh;
    const code = await shownCode(kiosk);
    expect((await admin.post('/api/devices/pair', { code: firstCode, name: 'x' })).status).toBe(
      404,
    );

    // Act: the administrator approves the code the kiosk shows.
    const approved = await admin.post<{ device: Device }>('/api/devices/pair', {
      code,
      name: KIOSK_NAME,
    });
    expect(approved.status).toBe(200);
    const deviceId = approved.body.device.id;

    // Assert: the kiosk says its name, then offers the services, its name in the footer.
    await waitForText(kiosk, 'paired-name', `Tên kiosk: ${KIOSK_NAME}`, POLL_MS + LIVE_DEADLINE_MS);
    await kiosk.getByTestId('service-DKKD').waitFor({ timeout: PAIRED_NOTICE_MS + 3000 });
    await waitForText(kiosk, 'kiosk-device-name', `Kiosk: ${KIOSK_NAME}`, LIVE_DEADLINE_MS);
    expect(await kiosk.getByTestId('printer-banner').count()).toBe(0);

    // Its own printer, out of paper: the kiosk warns about it, not about the default one.
    const own = await addFakePrinter(server(), 'paper-end', {
      name: 'Máy in kiosk sảnh',
      isDefault: false,
      deviceId,
    });
    devices.push(own.device);
    const issued = kiosk.waitForResponse(
      (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
    );
    await kiosk.getByTestId('service-DKKD').click();
    await kiosk.getByTestId('priority-none').click();
    const response = await issued;
    expect(response.status()).toBe(201);
    const ticketId = ((await response.json()) as { ticket: { id: number } }).ticket.id;
    await kiosk.getByTestId('issued-number').waitFor();
    await kiosk.getByTestId('kiosk-done').click();
    const banner = kiosk.locator('[data-testid="printer-banner"][data-state="paper_end"]');
    await banner.waitFor({ timeout: LIVE_DEADLINE_MS + 3000 });

    const jobs = await admin.get<PrintJob[]>('/api/print-jobs');
    expect(jobs.body.filter((j) => j.ticketId === ticketId).map((j) => j.printerId)).toEqual([
      own.printer.id,
    ]);
    expect(own.device.connections()).toBeGreaterThan(0);
    const state = await admin.get<StateSnapshot>('/api/state');
    expect(state.body.printers.find((p) => p.printerId === fallback.printer.id)?.state).toBe(
      'online',
    );

    // A reload keeps the identity: straight to the menu, still warning about its printer.
    await kiosk.reload();
    await kiosk.getByTestId('service-DKKD').waitFor();
    await waitForText(kiosk, 'kiosk-device-name', `Kiosk: ${KIOSK_NAME}`, LIVE_DEADLINE_MS);
    await banner.waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(await kiosk.getByTestId('pairing-screen').count()).toBe(0);

    // Revoked: the kiosk forgets its token and shows a new code at once.
    expect((await admin.request('DELETE', `/api/devices/${deviceId}`)).status).toBe(204);
    await kiosk.getByTestId('pairing-revoked').waitFor({ timeout: LIVE_DEADLINE_MS + 3000 });
    expect(await shownCode(kiosk)).toMatch(/^[0-9]{6}$/);
    expect(await kiosk.getByTestId('kiosk-device-name').count()).toBe(0);
    const stored = await kiosk.evaluate<string | null>("localStorage.getItem('luot.device.kiosk')");
    expect(stored).toBeNull();
  }, 60000);
});
