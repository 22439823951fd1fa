import type { ListedDevice } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import type { TestServer } from '../support/test-server';
import { describeInChromium, waitForText } from './harness';
import { signInAsAdmin } from './sign-in';

/** The devices page reads its list again this often (admin-ui/src/pages/DevicesPage.tsx). */
const REFRESH_MS = 5000;

/** Pairs a device through the API as `admin`; returns its id. */
async function pair(server: TestServer, admin: ApiClient, kind: string, name: string) {
  const device = new ApiClient(server.url);
  const request = await device.post<{ requestId: string; code: string }>(
    '/api/devices/pair-requests',
    { kind },
  );
  expect(request.status).toBe(201);
  expect((await admin.post('/api/devices/pair', { code: request.body.code, name })).status).toBe(
    200,
  );
  const poll = await device.get<{ device: { id: number } }>(
    `/api/devices/pair-requests/${request.body.requestId}`,
  );
  expect(poll.status).toBe(200);
  return poll.body.device.id;
}

describeInChromium('the admin Devices page, in Chromium', ({ open, server, clock }) => {
  let printer: FakePrinter | undefined;

  afterAll(async () => {
    await printer?.close();
  });

  test('shows each device online or offline, live, and the kiosk’s printer out of paper', async () => {
    // Arrange: a kiosk and a hall display paired just now; the shared printer out of paper.
    const configured = await addFakePrinter(server(), 'paper-end');
    printer = configured.device;
    const { admin } = configured;
    const kioskId = await pair(server(), admin, 'kiosk', 'Kiosk sảnh');
    const displayId = await pair(server(), admin, 'display', 'Màn hình sảnh');
    await admin.get(`/api/printers/${configured.printer.id}/status`);

    // Act: the admin opens the Devices page.
    const page = await open('/admin/devices', 1366, 768);
    await signInAsAdmin(page, server());
    await page.getByTestId('devices-table').waitFor();

    // Assert: both online; the kiosk prints on the shared printer, which has no paper.
    await waitForText(page, `device-presence-${kioskId}`, 'Đang kết nối', 5000);
    await waitForText(page, `device-presence-${displayId}`, 'Đang kết nối', 5000);
    const printerCell = page.getByTestId(`device-printer-${kioskId}`);
    await printerCell.filter({ hasText: 'Hết giấy' }).waitFor({ timeout: REFRESH_MS + 3000 });
    expect(await printerCell.textContent()).toBe('Máy in sảnh (máy in chung)Hết giấy');
    expect(await page.getByTestId(`device-printer-${displayId}`).textContent()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);

    // Three minutes without a request: both go offline on the next refresh, without reload.
    clock().advance(3 * 60_000);
    const listed = await admin.get<ListedDevice[]>('/api/devices');
    expect(listed.body.filter((d) => d.online)).toEqual([]);
    await waitForText(page, `device-presence-${kioskId}`, 'Mất kết nối', REFRESH_MS + 3000);
    await waitForText(page, `device-presence-${displayId}`, 'Mất kết nối', REFRESH_MS + 3000);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60000);
});
