import fs from 'node:fs';
import type { CentreSettings, PrintJob, StateSnapshot } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { addFakePrinter, writeLogo, type ConfiguredPrinter } from '../../support/printer-setup';
import { decodeEscPos } from '../../support/printers/escpos-decoder';
import { errorOf, expectStatus, patchSettings, SERVICE } from '../../support/queue-helpers';
import { startTestServer, type TestServer } from '../../support/test-server';

/** Prints one ticket on the fake printer and answers the bytes it received for it. */
async function printTicket(server: TestServer, configured: ConfiguredPrinter): Promise<Buffer> {
  return (await printTicketAndWait(server, configured)).bytes;
}

/** Prints one ticket; answers its bytes and the estimated wait it was issued with. */
async function printTicketAndWait(
  server: TestServer,
  configured: ConfiguredPrinter,
): Promise<{ bytes: Buffer; estimatedWaitMinutes: number }> {
  const from = configured.device.received().length;
  const { ticket, estimatedWaitMinutes } = await new ApiClient(server.url).issue(SERVICE.DKKD);
  await eventually(
    async () => {
      const jobs = expectStatus(await configured.admin.get<PrintJob[]>('/api/print-jobs'), 200);
      return jobs.some((job) => job.ticketId === ticket.id && job.status === 'done');
    },
    { what: `ticket ${ticket.number} to print` },
  );
  return { bytes: configured.device.received().subarray(from), estimatedWaitMinutes };
}

/** Puts `bytes` as the centre's logo (`PUT /api/centre/logo`), as the signed-in admin. */
async function putLogo(admin: ApiClient, bytes: Buffer): Promise<void> {
  const response = await admin.request('PUT', '/api/centre/logo', {
    rawBody: bytes as unknown as string,
    headers: { 'content-type': 'image/png' },
  });
  expect(response.status).toBe(200);
}

/** Rows of the printed paper, as the raster printer drew them (80 mm, 576 dots). */
const paperRows = (bytes: Buffer) => decodeEscPos(bytes, 576).image.height;

describe('the uploaded centre logo on printed tickets', () => {
  let server: TestServer;
  let configured: ConfiguredPrinter;

  beforeEach(async () => {
    server = await startTestServer();
    configured = await addFakePrinter(server, 'ok');
  });

  afterEach(async () => {
    await server.stop();
    await configured.device.close();
  });

  test('prints the uploaded logo, and the new one once it changes, and none once removed', async () => {
    // Arrange: narrower than 40 % of the 576-dot paper, logos print at their own size
    // (and a margin): 200 × 100 adds about 110 rows, 200 × 300 about 200 more.
    const wide = fs.readFileSync(writeLogo(200, 100));
    const tall = fs.readFileSync(writeLogo(200, 300));

    // The first tickets are called at once by the service's idle counters and print no
    // estimate; once they are all taken (nobody is served here) every ticket prints one.
    for (let i = 0; (await printTicketAndWait(server, configured)).estimatedWaitMinutes === 0; i++)
      expect(i).toBeLessThan(10);

    // Act
    const without = paperRows(await printTicket(server, configured));
    await putLogo(configured.admin, wide);
    const withWide = paperRows(await printTicket(server, configured));
    await putLogo(configured.admin, tall);
    const withTall = paperRows(await printTicket(server, configured));
    expectStatus(await configured.admin.request('DELETE', '/api/centre/logo'), 204);
    const removed = paperRows(await printTicket(server, configured));

    // Assert
    expect(withWide - without).toBeGreaterThanOrEqual(110);
    expect(withTall - withWide).toBeGreaterThanOrEqual(190);
    expect(removed).toBe(without);
  });

  test('the uploaded logo wins over LUOT_TICKET_LOGO, which prints when none is uploaded', async () => {
    // Arrange: a second server whose deployment sets a 200 × 100 ticket logo.
    const other = await startTestServer({ env: { LUOT_TICKET_LOGO: writeLogo(200, 100) } });
    const printer = await addFakePrinter(other, 'ok');
    try {
      const tall = fs.readFileSync(writeLogo(200, 300));

      await printTicket(other, printer);
      await printTicket(server, configured);

      // Act
      const deployment = paperRows(await printTicket(other, printer));
      await putLogo(printer.admin, tall);
      const uploaded = paperRows(await printTicket(other, printer));
      const plain = paperRows(await printTicket(server, configured));

      // Assert
      expect(deployment - plain).toBeGreaterThanOrEqual(110);
      expect(uploaded - deployment).toBeGreaterThanOrEqual(190);
    } finally {
      await other.stop();
      await printer.device.close();
    }
  });
});

describe('the centre address (centreAddress)', () => {
  let server: TestServer;
  let configured: ConfiguredPrinter;

  beforeEach(async () => {
    server = await startTestServer();
    // ASCII mode: the printed lines can be read from the bytes.
    configured = await addFakePrinter(server, 'ok', { options: { mode: 'ascii' } });
  });

  afterEach(async () => {
    await server.stop();
    await configured.device.close();
  });

  test('is empty by default, then stored, shown to screens and printed under the name', async () => {
    // Arrange
    const address = 'Số 1 đường Trần Phú, phường Hải Châu, thành phố Đà Nẵng';
    const before = expectStatus(await configured.admin.get<CentreSettings>('/api/settings'), 200);
    const plain = (await printTicket(server, configured)).toString('latin1');

    // Act
    await patchSettings(configured.admin, { centreAddress: `  ${address.normalize('NFD')} ` });
    const printed = (await printTicket(server, configured)).toString('latin1');
    const settings = expectStatus(await configured.admin.get<CentreSettings>('/api/settings'), 200);
    const state = expectStatus(await configured.admin.get<StateSnapshot>('/api/state'), 200);

    // Assert
    expect(before.centreAddress).toBe('');
    expect(plain).not.toContain('Tran Phu');
    expect(settings.centreAddress).toBe(address);
    expect(state.centre.address).toBe(address);
    const name = printed.indexOf('Trung tam Phuc vu hanh chinh cong');
    const line = printed.indexOf('So 1 duong Tran Phu');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(line).toBeGreaterThan(name);
    expect(line).toBeLessThan(printed.indexOf('SO THU TU'));
  });

  test.each([
    ['longer than 300 characters', 'a'.repeat(301)],
    ['with a control character', 'Số 1\u0007 Trần Phú'],
    ['with a bidi override', 'Số 1 \u202eTrần Phú'],
    ['not text', 42],
  ])('refuses an address %s with 400 validation_failed', async (_what, centreAddress) => {
    // Act
    const response = await configured.admin.request('PATCH', '/api/settings', {
      body: { centreAddress },
    });

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
  });

  test('an empty address prints no line', async () => {
    // Arrange
    await patchSettings(configured.admin, { centreAddress: 'Số 1 Trần Phú' });

    // Act
    await patchSettings(configured.admin, { centreAddress: '' });
    const printed = (await printTicket(server, configured)).toString('latin1');

    // Assert
    expect(printed).not.toContain('Tran Phu');
  });
});
