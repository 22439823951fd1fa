import zlib from 'node:zlib';
import { useSharedQueueFixture } from '../support/queue-helpers';

/** `depth` nested arrays around a number, e.g. depth 2 → `[[1]]`. */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('request bodies the server cannot read', () => {
  const f = useSharedQueueFixture();

  /** Sends raw bytes with the given headers, without a session. */
  async function send(
    method: string,
    path: string,
    body: Buffer | string,
    headers: Record<string, string>,
  ) {
    const response = await fetch(`${f.server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as { error?: { code: string } } };
  }

  const garbage = Buffer.from('this is not compressed at all, just bytes');
  const truncatedGzip = zlib.gzipSync('{"serviceId":1}').subarray(0, 12);

  test.each([
    ['gzip', 'garbage', garbage],
    ['gzip', 'a truncated stream', truncatedGzip],
    ['br', 'garbage', garbage],
    ['deflate', 'garbage', garbage],
  ])(
    'answers a %s body of %s with 400 invalid_body_encoding on any endpoint',
    async (encoding, _what, bytes) => {
      for (const [method, path] of [
        ['POST', '/api/tickets'],
        ['PATCH', '/api/settings'],
        ['POST', '/api/counters/1/call-next'],
        ['POST', '/api/no-such-endpoint'],
      ] as const) {
        const response = await send(method, path, bytes, { 'content-encoding': encoding });
        expect({ path, ...response }).toEqual({
          path,
          status: 400,
          body: { error: { code: 'invalid_body_encoding', message: expect.any(String) } },
        });
      }
    },
  );

  test('answers a body that decompresses cleanly exactly as the same body sent plain', async () => {
    const json = '{"serviceId":999999}';
    const plain = await send('POST', '/api/tickets', json, {});
    expect(plain.status).toBe(404);
    for (const [encoding, bytes] of [
      ['gzip', zlib.gzipSync(json)],
      ['br', zlib.brotliCompressSync(json)],
      ['deflate', zlib.deflateSync(json)],
    ] as const) {
      expect(await send('POST', '/api/tickets', bytes, { 'content-encoding': encoding })).toEqual(
        plain,
      );
    }
  });

  test('refuses a Content-Encoding it does not support with 415 unsupported_encoding', async () => {
    for (const encoding of ['compress', 'x-unknown', 'gzip, br']) {
      const response = await send('POST', '/api/tickets', '{"serviceId":1}', {
        'content-encoding': encoding,
      });
      expect({ encoding, ...response }).toEqual({
        encoding,
        status: 415,
        body: { error: { code: 'unsupported_encoding', message: expect.any(String) } },
      });
    }
  });

  test('refuses JSON nested deeper than 32 levels with 400 json_too_deep and changes nothing', async () => {
    const before = await f.admin.get('/api/settings');
    for (const depth of [32, 5_000]) {
      const response = await f.admin.request('PATCH', '/api/settings', {
        rawBody: `{"centreName":${nested(depth)}}`,
      });
      expect({ depth, status: response.status, body: response.body }).toEqual({
        depth,
        status: 400,
        body: { error: { code: 'json_too_deep', message: expect.any(String) } },
      });
    }
    expect((await f.admin.get('/api/settings')).body).toEqual(before.body);
  });

  test('reads JSON nested 32 levels deep, and brackets inside strings do not count', async () => {
    const deepest = await f.admin.request('PATCH', '/api/settings', {
      rawBody: `{"centreName":${nested(31)}}`,
    });
    expect(deepest.status).toBe(400);
    expect(deepest.body).toMatchObject({ error: { code: 'validation_failed' } });

    const name = `Trung tâm ${'[{'.repeat(40)}`;
    const inString = await f.admin.request('PATCH', '/api/settings', {
      rawBody: JSON.stringify({ centreName: name }),
    });
    expect(inString.status).toBe(200);
    expect(inString.body).toMatchObject({ centreName: name });
  });

  test('measures depth after decompressing', async () => {
    const bytes = zlib.gzipSync(`{"serviceId":${nested(5_000)}}`);
    const response = await send('POST', '/api/tickets', bytes, { 'content-encoding': 'gzip' });
    expect(response).toEqual({
      status: 400,
      body: { error: { code: 'json_too_deep', message: expect.any(String) } },
    });
  });

  test('refuses a JSON body in a charset other than UTF-8 with 400 validation_failed', async () => {
    const response = await send('POST', '/api/tickets', Buffer.from('{"serviceId":1}', 'utf16le'), {
      'content-type': 'application/json; charset=utf-16le',
    });
    expect(response).toEqual({
      status: 400,
      body: { error: { code: 'validation_failed', message: expect.any(String) } },
    });
  });
});
