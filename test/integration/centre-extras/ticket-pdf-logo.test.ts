import { createCanvas } from '@napi-rs/canvas';
import { addStaff } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { readPdf } from '../../support/pdf-read';
import { expectStatus, patchSettings, SERVICE } from '../../support/queue-helpers';
import { startTestServer, type TestServer } from '../../support/test-server';
import { sessionCookie } from '../../component/security/support';

/** A 300 × 120 logo as an admin uploads it, PNG or JPEG. */
function logoBytes(type: 'image/png' | 'image/jpeg'): Buffer {
  const canvas = createCanvas(300, 120);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0b4f9c';
  ctx.fillRect(0, 0, 300, 120);
  return type === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg');
}

describe('GET /api/tickets/:id/print.pdf with the centre’s logo', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeEach(async () => {
    server = await startTestServer();
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
  });

  afterEach(() => server.stop());

  /** A new ticket's PDF, as a clerk's browser fetches it. */
  async function ticketPdf(cookie: string): Promise<Buffer> {
    const { ticket } = await admin.issue(SERVICE.DKKD);
    const response = await fetch(`${server.url}/api/tickets/${ticket.id}/print.pdf`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  test.each(['image/png', 'image/jpeg'] as const)(
    'draws an uploaded %s logo above the name and address, and none once it is removed',
    async (type) => {
      // Arrange
      const cookie = sessionCookie(server, await addStaff(server, 'pdf-clerk', 'clerk'));
      await patchSettings(admin, {
        centreName: 'Trung tâm Hành chính công',
        centreAddress: 'Số 1 Trần Phú, Hải Châu, Đà Nẵng',
      });
      const before = await readPdf(await ticketPdf(cookie));

      // Act
      const put = await admin.request('PUT', '/api/centre/logo', {
        rawBody: logoBytes(type) as unknown as string,
        headers: { 'content-type': type },
      });
      const withLogo = await readPdf(await ticketPdf(cookie));
      expectStatus(await admin.request('DELETE', '/api/centre/logo'), 204);
      const removed = await readPdf(await ticketPdf(cookie));

      // Assert: one image XObject with the logo; the text as before, still extractable.
      expect(put.status).toBe(200);
      expect(before.images).toEqual([]);
      expect(withLogo.images).toHaveLength(1);
      expect(withLogo.images[0]?.[2]).toBe('image');
      expect(removed.images).toEqual([]);
      expect(withLogo.lines.slice(0, 3)).toEqual([
        'Trung tâm Hành chính công',
        'Số 1 Trần Phú, Hải Châu, Đà Nẵng',
        'SỐ THỨ TỰ',
      ]);
      expect(withLogo.lines.length).toBe(removed.lines.length);
    },
  );
});
