import { PNG } from 'pngjs';
import type { PrintJob } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { addFakePrinter, writeLogo, type ConfiguredPrinter } from '../support/printer-setup';
import { expectStatus, patchSettings, SERVICE } from '../support/queue-helpers';
import { startTestServer, type TestServer } from '../support/test-server';
import { addStaff, sessionCookie } from './security/support';

/**
 * What a centre may add to its printed tickets: an English line under each Vietnamese one
 * and its own thank-you line (settings), and its logo (LUOT_TICKET_LOGO). The printer
 * prints in ASCII mode, so the lines can be read from the bytes it received.
 */
describe('printed ticket options', () => {
  let server: TestServer;
  let configured: ConfiguredPrinter;

  beforeEach(async () => {
    server = await startTestServer();
    configured = await addFakePrinter(server, 'ok', { options: { mode: 'ascii' } });
  });

  afterEach(async () => {
    await server.stop();
    await configured.device.close();
  });

  /** Issues a ticket and resolves with the text the printer received for it. */
  async function printedText(): Promise<string> {
    const from = configured.device.received().length;
    const { ticket } = await new ApiClient(server.url).issue(SERVICE.DKKD);
    await eventually(
      async () => {
        const jobs = expectStatus(await configured.admin.get<PrintJob[]>('/api/print-jobs'), 200);
        return jobs.some((job) => job.ticketId === ticket.id && job.status === 'done');
      },
      { what: `ticket ${ticket.number} to print` },
    );
    return configured.device.received().subarray(from).toString('latin1');
  }

  test('Vietnamese only by default; English lines and the thank-you line as set', async () => {
    // Act
    const plain = await printedText();
    await patchSettings(configured.admin, {
      ticketEnglish: true,
      ticketThankYou: 'Chúc quý khách một ngày tốt lành!',
    });
    const both = await printedText();

    // Assert
    expect(plain).toContain('So nguoi cho truoc ban');
    expect(plain).not.toContain('People ahead of you');
    expect(plain).toContain('Xin cam on quy khach!');
    expect(both).toContain('People ahead of you');
    expect(both).toContain('Business registration');
    expect(both).toContain('Chuc quy khach mot ngay tot lanh!');
  });

  test('refuses a thank-you line that is empty or too long', async () => {
    // Act
    const empty = await configured.admin.request('PATCH', '/api/settings', {
      body: { ticketThankYou: '  ' },
    });
    const long = await configured.admin.request('PATCH', '/api/settings', {
      body: { ticketThankYou: 'x'.repeat(121) },
    });

    // Assert
    expect([empty.status, long.status]).toEqual([400, 400]);
  });
});

describe('the centre logo on tickets (LUOT_TICKET_LOGO)', () => {
  async function ticketImageHeight(env: Record<string, string>): Promise<number> {
    const server = await startTestServer({ env });
    try {
      const { ticket } = await new ApiClient(server.url).issue(SERVICE.DKKD);
      // The picture is staff's (its QR code holds the tracking token).
      const cookie = sessionCookie(server, await addStaff(server, 'thu', 'clerk'));
      const response = await fetch(`${server.url}/api/tickets/${ticket.id}/print.png`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      return PNG.sync.read(Buffer.from(await response.arrayBuffer())).height;
    } finally {
      await server.stop();
    }
  }

  test('prints the logo at the top of every ticket', async () => {
    // Arrange: a 200 × 100 logo, drawn at 40 % of the 576-dot paper: about 230 × 115.
    const logo = writeLogo(200, 100);

    // Act
    const without = await ticketImageHeight({});
    const withLogo = await ticketImageHeight({ LUOT_TICKET_LOGO: logo });

    // Assert
    expect(withLogo - without).toBeGreaterThanOrEqual(110);
  });

  test('a logo that cannot be read stops the start with a clear message', async () => {
    // Act
    const start = startTestServer({ env: { LUOT_TICKET_LOGO: '/nonexistent/logo.png' } });

    // Assert
    await expect(start).rejects.toThrow(/LUOT_TICKET_LOGO: cannot read \/nonexistent\/logo\.png/);
  });
});
