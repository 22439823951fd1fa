import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { VOICE_CLIPS } from '../../server/src/contract/voice';
import { DEFAULT_VOICE_DIR } from '../../server/src/http/voice-files';
import { startTestServer, type TestServer } from '../support/test-server';

/** A GET with the path sent exactly as written (fetch would resolve `..` first). */
function rawGet(
  url: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const OGG_MAGIC = Buffer.from('OggS');

describe('GET /voice/<region>/<clip-id>.ogg', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  test('serves every default clip of every region as Ogg, no-cache with an ETag', async () => {
    for (const region of ['north', 'central', 'south']) {
      for (const clip of VOICE_CLIPS) {
        const res = await rawGet(server.url, `/voice/${region}/${clip.id}.ogg`);
        expect([region, clip.id, res.status]).toEqual([region, clip.id, 200]);
        expect(res.body.subarray(0, 4)).toEqual(OGG_MAGIC);
        expect(res.headers['content-type']).toBe('audio/ogg');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers.etag).toBeTruthy();
      }
    }
  });

  test('answers a revalidation with 304 when the clip has not changed', async () => {
    const first = await rawGet(server.url, '/voice/north/digit-5.ogg');
    const again = await rawGet(server.url, '/voice/north/digit-5.ogg', {
      'If-None-Match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  test.each([
    ['an unknown clip', '/voice/north/counter-41.ogg'],
    ['an unknown region', '/voice/west/digit-1.ogg'],
    ['a file that is not .ogg', '/voice/north/digit-1.wav'],
    ['an id with upper case', '/voice/north/Digit-1.ogg'],
    ['an encoded traversal', '/voice/north/..%2F..%2Fpackage.json'],
    ['an encoded traversal ending .ogg', '/voice/north/..%2Fsouth%2Fdigit-1.ogg'],
    ['a traversal through the region', '/voice/..%2F..%2Fdisplay-ui/digit-1.ogg'],
    ['a plain traversal', '/voice/north/../../package.json'],
    ['clips.json', '/voice/north/..%2Fclips.json'],
  ])('answers 404 for %s', async (_name, rawPath) => {
    const res = await rawGet(server.url, rawPath);
    expect(res.status).toBe(404);
    expect(res.body.subarray(0, 4)).not.toEqual(OGG_MAGIC);
  });

  test("a centre's own clip wins over the default, for all regions or for one", async () => {
    // Arrange
    const own = path.join(server.dataDir, 'voice');
    fs.mkdirSync(path.join(own, 'south'), { recursive: true });
    const everywhere = Buffer.concat([OGG_MAGIC, Buffer.from('centre-wide counter 15')]);
    const southOnly = Buffer.concat([OGG_MAGIC, Buffer.from('southern counter 15')]);
    fs.writeFileSync(path.join(own, 'counter-15.ogg'), everywhere);
    fs.writeFileSync(path.join(own, 'south', 'counter-15.ogg'), southOnly);
    fs.writeFileSync(path.join(own, 'moi-vao.ogg'), everywhere);

    // Act
    const north = await rawGet(server.url, '/voice/north/counter-15.ogg');
    const south = await rawGet(server.url, '/voice/south/counter-15.ogg');
    const custom = await rawGet(server.url, '/voice/central/moi-vao.ogg');
    const untouched = await rawGet(server.url, '/voice/north/counter-16.ogg');

    // Assert
    expect(north.body).toEqual(everywhere);
    expect(south.body).toEqual(southOnly);
    expect(custom.body).toEqual(everywhere);
    expect(untouched.body).toEqual(
      fs.readFileSync(path.join(DEFAULT_VOICE_DIR, 'north', 'counter-16.ogg')),
    );
  });

  test('a custom clip id missing from the data folder is a 404', async () => {
    const res = await rawGet(server.url, '/voice/north/not-recorded.ogg');
    expect(res.status).toBe(404);
  });
});
