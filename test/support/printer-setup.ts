import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { PrinterView } from '../../server/src/contract';
import { ApiClient } from './api-client';
import { startFakePrinter, type FakePrinter, type FakePrinterMode } from './fake-printer';
import { tempDataDir, type TestServer } from './test-server';

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

/** Writes a `width` × `height` PNG of black pixels (a stand-in logo); returns its path. */
export function writeLogo(width: number, height: number, dir = tempDataDir()): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0, 0, 0, 255], i);
  const file = path.join(dir, 'logo.png');
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}
