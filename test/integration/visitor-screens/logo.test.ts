import fs from 'node:fs';
import path from 'node:path';
import type { CentreInfo, StateSnapshot } from '../../../server/src/contract';
import { MAX_LOGO_BYTES, MAX_LOGO_PIXELS } from '../../../server/src/services/admin/centre-logo';
import { errorOf, expectStatus, useQueueFixture } from '../../support/queue-helpers';
import { RecordingSocket } from '../../support/socket-client';
import { startTestServer, tempDataDir } from '../../support/test-server';

const { f, connect } = useQueueFixture(['centre:updated']);

/** The header of a PNG of `width` × `height` pixels: signature and IHDR chunk. */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16); // 8-bit RGBA; the CRC is not checked
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

/** The head of a JPEG of `width` × `height` pixels: SOI, a JFIF segment, a fill byte, SOF0. */
function jpeg(width: number, height: number, frameMarker = 0xc0): Buffer {
  const jfif = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  const sof = Buffer.from([
    0xff,
    frameMarker,
    0x00,
    0x0b,
    0x08,
    0,
    0,
    0,
    0,
    0x01,
    0x01,
    0x11,
    0x00,
  ]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    Buffer.from([0xff]),
    sof,
    Buffer.alloc(40, 1),
  ]);
}

const PNG = png(1, 1);
const JPEG = jpeg(320, 80);

/** Sends raw bytes as the logo, as the admin unless told. */
async function putLogo(bytes: Buffer, type: string, cookie = true) {
  const response = await fetch(`${f.server.url}/api/centre/logo`, {
    method: 'PUT',
    headers: {
      'content-type': type,
      origin: f.server.url,
      ...(cookie && { cookie: await adminCookie() }),
    },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** The admin's session cookie (the ApiClient keeps it; one more sign-in opens another). */
async function adminCookie(): Promise<string> {
  const response = await fetch(`${f.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: f.server.url },
    body: JSON.stringify({ username: f.server.adminUsername, password: f.server.adminPassword }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const centre = async () =>
  expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200).centre;

describe('the centre logo', () => {
  test('has none at first: logoUrl null and 404', async () => {
    // Act
    const response = await fetch(`${f.server.url}/api/centre/logo`);

    // Assert
    expect(response.status).toBe(404);
    expect((await centre()).logoUrl).toBeNull();
  });

  test('serves an uploaded PNG at a versioned URL, cached for good, without sniffing', async () => {
    // Arrange
    const screen = await connect();

    // Act
    const put = await putLogo(PNG, 'image/png');
    const { logoUrl } = await centre();
    const served = await fetch(`${f.server.url}${logoUrl}`);

    // Assert
    expect(put.status).toBe(200);
    expect(logoUrl).toMatch(/^\/api\/centre\/logo\?v=[0-9a-f]{16}$/);
    expect(put.body).toEqual({ logoUrl });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    await screen.waitFor(() => screen.received.length === 1);
    const event = screen.received[0]?.payload as { centre: CentreInfo };
    expect(event.centre.logoUrl).toBe(logoUrl);
  });

  test('gives a new URL when the logo changes, and none once it is removed', async () => {
    // Arrange
    await putLogo(PNG, 'image/png');
    const first = (await centre()).logoUrl;

    // Act
    expect((await putLogo(JPEG, 'image/jpeg')).status).toBe(200);
    const second = (await centre()).logoUrl;
    const bare = await fetch(`${f.server.url}/api/centre/logo`);
    const removed = await f.admin.request('DELETE', '/api/centre/logo');
    const again = await f.admin.request('DELETE', '/api/centre/logo');

    // Assert
    expect(second).not.toBe(first);
    expect(bare.headers.get('content-type')).toBe('image/jpeg');
    expect(bare.headers.get('cache-control')).toBe('no-cache');
    expect(removed.status).toBe(204);
    expect(errorOf(again, 404).code).toBe('not_found');
    expect((await centre()).logoUrl).toBeNull();
    expect((await fetch(`${f.server.url}${second}`)).status).toBe(404);
  });

  test.each([
    ['text claiming to be a PNG', Buffer.from('<svg onload=alert(1)>'), 'image/png', 422],
    ['a JPEG declared as PNG', JPEG, 'image/png', 422],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 422],
    ['JSON', Buffer.from('{}'), 'application/json', 422],
    ['an empty body', Buffer.alloc(0), 'image/png', 422],
    ['more than 512 KB', Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]), 'image/png', 413],
    ['a small PNG declaring 30000×30000 pixels', png(30_000, 30_000), 'image/png', 422],
    ['a PNG 4097 pixels wide', png(MAX_LOGO_PIXELS + 1, 10), 'image/png', 422],
    ['a PNG 4097 pixels tall', png(10, MAX_LOGO_PIXELS + 1), 'image/png', 422],
    ['a PNG of 0 pixels', png(0, 10), 'image/png', 422],
    [
      'a PNG whose first chunk is not IHDR',
      Buffer.from(png(1, 1).toString('latin1').replace('IHDR', 'IDAT'), 'latin1'),
      'image/png',
      422,
    ],
    ['a PNG cut inside its header', png(1, 1).subarray(0, 20), 'image/png', 422],
    ['a JPEG 4097 pixels wide', jpeg(MAX_LOGO_PIXELS + 1, 10), 'image/jpeg', 422],
    ['a progressive JPEG 65535 pixels tall', jpeg(10, 65_535, 0xc2), 'image/jpeg', 422],
    [
      'a JPEG with no frame header',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]),
      'image/jpeg',
      422,
    ],
    [
      'a JPEG whose image data starts before its frame header',
      Buffer.from('ffd8ffda000201', 'hex'),
      'image/jpeg',
      422,
    ],
  ])('refuses %s', async (_what, bytes, type, status) => {
    // Act
    const response = await putLogo(bytes, type);

    // Assert
    expect(response.status).toBe(status);
    expect((response.body as { error: { code: string } }).error.code).toBe(
      status === 413 ? 'payload_too_large' : 'invalid_image',
    );
    expect((await centre()).logoUrl).toBeNull();
  });

  test.each([
    ['a PNG of 4096×4096 pixels', png(MAX_LOGO_PIXELS, MAX_LOGO_PIXELS), 'image/png'],
    ['a progressive JPEG of 4096×1 pixels', jpeg(MAX_LOGO_PIXELS, 1, 0xc2), 'image/jpeg'],
  ])('takes %s', async (_what, bytes, type) => {
    // Act
    const response = await putLogo(bytes, type);

    // Assert
    expect(response.status).toBe(200);
    expect((await centre()).logoUrl).toMatch(/^\/api\/centre\/logo\?v=/);
  });

  test('is changed by admins only', async () => {
    // Act
    const anonymous = await putLogo(PNG, 'image/png', false);

    // Assert
    expect(anonymous.status).toBe(401);
    expect((await centre()).logoUrl).toBeNull();
  });

  test('is seeded from LUOT_CENTRE_LOGO at start when none is stored', async () => {
    // Arrange
    const dir = tempDataDir();
    const file = path.join(dir, 'logo.png');
    fs.writeFileSync(file, PNG);

    // Act
    const server = await startTestServer({ env: { LUOT_CENTRE_LOGO: file } });
    try {
      const socket = new RecordingSocket(server.url, []);
      await socket.waitFor(() => socket.snapshots.length > 0);
      socket.close();
      const logoUrl = socket.snapshots[0]?.centre.logoUrl;
      const served = await fetch(`${server.url}${logoUrl}`);

      // Assert
      expect(logoUrl).toMatch(/^\/api\/centre\/logo\?v=/);
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
