import { Worker } from 'node:worker_threads';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { addStaff, pairDevice, sessionCookie } from '../security/support';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * `GET /api/tickets/:id/print.png|pdf`: the picture's QR code holds the ticket's tracking
 * token, so only staff may fetch it, each staff member and each address a limited number
 * a minute, and it is drawn off the main thread.
 */
describe('ticket images', () => {
  let server: TestServer;
  let clock: ManualClock;
  let ticketId: number;

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startTestServer({ clock });
    const issued = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
    );
    expect(issued.status).toBe(201);
    ticketId = issued.body.ticket.id;
  });

  afterEach(() => server.stop());

  /** A clerk's Cookie header (a new account each call). */
  async function clerk(name: string): Promise<string> {
    return sessionCookie(server, await addStaff(server, name, 'clerk'));
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  test.each(['png', 'pdf'])('refuse print.%s to anyone without a staff session', async (kind) => {
    const kiosk = await pairDevice(server, await signedInAdmin(), 'kiosk');

    const anonymous = await get(`/api/tickets/${ticketId}/print.${kind}`);
    const asKiosk = await get(`/api/tickets/${ticketId}/print.${kind}`, {
      authorization: `Device ${kiosk.token}`,
    });

    for (const response of [anonymous, asKiosk]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  async function signedInAdmin(): Promise<ApiClient> {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    return admin;
  }

  test('give a clerk the PNG and the PDF', async () => {
    const cookie = await clerk('thu');

    const png = await get(`/api/tickets/${ticketId}/print.png`, { cookie });
    const pdf = await get(`/api/tickets/${ticketId}/print.pdf`, { cookie });

    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  test('refuse a clerk past 30 images a minute with 429, and no one else', async () => {
    const [busy, other] = [await clerk('an'), await clerk('binh')];
    // Unknown tickets count too: the limit is taken before anything is looked up.
    for (let i = 0; i < 30; i++) {
      const response = await get(`/api/tickets/999999/print.png`, { cookie: busy });
      expect(response.status).toBe(404);
    }

    const refused = await get(`/api/tickets/${ticketId}/print.png`, { cookie: busy });
    const others = await get(`/api/tickets/${ticketId}/print.png`, { cookie: other });
    clock.advance(60_000);
    const later = await get(`/api/tickets/${ticketId}/print.png`, { cookie: busy });

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(others.status).toBe(200);
    expect(later.status).toBe(200);
  });

  test('refuse an address past 120 images a minute, whoever asks', async () => {
    for (const name of ['c1', 'c2', 'c3', 'c4']) {
      const cookie = await clerk(name);
      for (let i = 0; i < 30; i++) {
        expect((await get(`/api/tickets/999999/print.pdf`, { cookie })).status).toBe(404);
      }
    }

    const fifth = await get(`/api/tickets/${ticketId}/print.pdf`, { cookie: await clerk('c5') });

    expect(fifth.status).toBe(429);
  });
});

describe('drawing ticket images', () => {
  let server: TestServer;
  let posted: jest.SpyInstance;

  beforeAll(async () => {
    server = await startTestServer();
  });

  beforeEach(() => {
    posted = jest.spyOn(Worker.prototype, 'postMessage');
  });

  afterEach(() => posted.mockRestore());

  afterAll(() => server.stop());

  /** The kinds of drawing the server handed to a worker thread since the spy started. */
  const handedToThread = (): unknown[] =>
    posted.mock.calls.map(([message]) => (message as { kind?: unknown }).kind);

  // How much the main thread gains under load is measured in bench/ticket-images.bench.ts.
  test.each([
    ['png', PNG_MAGIC],
    ['pdf', Buffer.from('%PDF-')],
  ])('hands print.%s to the render thread, not the main thread', async (kind, magic) => {
    const issued = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
    );
    const cookie = await sessionCookie(server, await addStaff(server, `r-${kind}`, 'clerk'));

    const response = await fetch(
      `${server.url}/api/tickets/${issued.body.ticket.id}/print.${kind}`,
      {
        headers: { cookie },
      },
    );

    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, magic.length)).toEqual(magic);
    expect(handedToThread()).toContain(kind);
  });
});
