import type { PrinterView } from '../../server/src/contract';
import { ApiClient } from './api-client';
import { startFakePrinter, type FakePrinter, type FakePrinterMode } from './fake-printer';
import type { TestServer } from './test-server';

/** A fake network printer, configured on the server by its signed-in admin. */
export interface ConfiguredPrinter {
  device: FakePrinter;
  printer: PrinterView;
  admin: ApiClient;
}

/**
 * Starts a fake printer in `mode` and adds it as the admin (by default as the default
 * printer, named "Máy in sảnh"); `fields` change or add to what is posted.
 */
export async function addFakePrinter(
  server: TestServer,
  mode: FakePrinterMode,
  fields: object = {},
): Promise<ConfiguredPrinter> {
  const device = await startFakePrinter(mode);
  const admin = new ApiClient(server.url);
  await admin.login(server.adminUsername, server.adminPassword);
  const created = await admin.post<PrinterView>('/api/printers', {
    name: 'Máy in sảnh',
    target: `tcp://127.0.0.1:${device.port}`,
    isDefault: true,
    ...fields,
  });
  if (created.status !== 201) {
    await device.close();
    throw new Error(`adding a printer failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return { device, printer: created.body, admin };
}
