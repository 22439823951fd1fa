import http from 'node:http';
import { codeOf, openSocket, useSecurityServer } from './support';

/** The CSP of a response as a map of directive → sources. */
function cspOf(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('security headers, CSRF and error hygiene', () => {
  const f = useSecurityServer();

  test.each(['/', '/kiosk', '/api/state'])(
    '%s carries helmet headers and the CSP',
    async (path) => {
      const response = await f.anonymous.get(path);
      const csp = cspOf(response.headers.get('content-security-policy'));
      const host = new URL(f.server.url).host;

      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('media-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  test('a Host header that is not a host name gets no socket source of its own', async () => {
    const { port } = new URL(f.server.url);
    const header = await new Promise<string | undefined>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/api/health', headers: { host: 'evil.example/x"' } },
        (response) => {
          response.resume();
          resolve(String(response.headers['content-security-policy']));
        },
      );
      request.on('error', reject);
    });
    expect(cspOf(header ?? null).get('connect-src')).toEqual(["'self'"]);
  });

  describe('a state-changing request', () => {
    const issue = (headers: Record<string, string>) =>
      f.anonymous.post('/api/tickets', { serviceId: 1 }, headers);

    test.each([
      ['another Origin', { origin: 'http://evil.example' }],
      ['Origin null', { origin: 'null' }],
      ['a malformed Origin', { origin: 'not a url' }],
      ['Sec-Fetch-Site cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site same-site without Origin', { 'sec-fetch-site': 'same-site' }],
      [
        'its own Origin but Sec-Fetch-Site cross-site',
        { origin: 'SELF', 'sec-fetch-site': 'cross-site' },
      ],
    ])('with %s is refused with 403 forbidden', async (_name, headers: Record<string, string>) => {
      const own: Record<string, string> = headers.origin === 'SELF' ? { origin: f.server.url } : {};
      const response = await issue({ ...headers, ...own });
      expect(response.status).toBe(403);
      expect(codeOf(response.body)).toBe('forbidden');
    });

    test.each([
      ['neither Origin nor Sec-Fetch-Site (kiosk software, curl)', {}],
      ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }],
    ])('with %s passes', async (_name, headers) => {
      expect((await issue(headers)).status).toBe(201);
    });

    test('with its own Origin passes', async () => {
      expect((await issue({ origin: f.server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(
        201,
      );
    });
  });

  describe('Socket.IO', () => {
    test('refuses a handshake from another Origin', async () => {
      await expect(openSocket(f.server.url, { origin: 'http://evil.example' })).rejects.toThrow();
    });

    test('accepts its own Origin and no Origin', async () => {
      for (const options of [{ origin: f.server.url }, {}]) {
        const socket = await openSocket(f.server.url, options);
        expect(socket.connected).toBe(true);
        socket.close();
      }
    });
  });

  describe('responses never carry a stack trace', () => {
    test.each([
      ['a path parameter that is not valid percent-encoding', 'GET', '/api/tickets/%E0%A4%A', 400],
      ['malformed JSON', 'POST', '/api/staff', 400],
      ['an unknown page', 'GET', '/nope', 404],
    ])('%s', async (_name, method, path, status) => {
      const response = await f.anonymous.request(method, path, {
        rawBody: method === 'POST' ? '{' : undefined,
      });
      expect(response.status).toBe(status);
      expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:/);
    });
  });
});
