import fc from 'fast-check';
import { ApiClient } from '../support/api-client';
import { addClerk, useSharedQueueFixture } from '../support/queue-helpers';
import type { TestServer } from '../support/test-server';

const HOSTILE_STRINGS = [
  '1; DROP TABLE tickets; --',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '9'.repeat(40),
  'Đăng ký kinh doanh',
  'A001',
  '__proto__',
  'constructor',
];
const FIELDS = [
  'serviceId',
  'ticketId',
  'counterId',
  'number',
  'reason',
  'note',
  'enabled',
  'priorityClass',
  'username',
  'password',
  'currentPassword',
  'newPassword',
  'displayName',
  'role',
  'active',
  'kind',
  'name',
  'code',
  'sinceSeq',
  'centreName',
  'recallLimit',
  'priorityPolicy',
  'openingHours',
  'holidays',
  '__proto__',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308, -0, true, false, null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.integer(), { maxLength: 5 }),
);
const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 4 }),
);
const RAW_BODIES = [
  '{',
  '{"serviceId":',
  'null',
  '[]',
  '""',
  '{"a":1}}',
  '\u0000',
  '{"serviceId":1,}',
  // Deep enough to overflow the stack of any recursive walk of the parsed value.
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"centreName":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
];
/** Bodies that cannot be decompressed, and an encoding nobody supports. */
const BAD_ENCODINGS = ['gzip', 'br', 'deflate', 'compress'];
const hostileId = fc.oneof(
  fc.constantFrom(
    ...HOSTILE_STRINGS,
    '0',
    '999999',
    '1.0',
    ' 1',
    '1 ',
    '+1',
    'abc',
    '..',
    '%E0%A4%A',
  ),
  fc.string({ minLength: 1, maxLength: 300 }),
);

/** Everything a request could have written, to compare before and after a refusal. */
function fingerprint(server: TestServer): string {
  const db = server.server.application.repos.db;
  const tables = [
    'tickets',
    'ticket_sequences',
    'counters',
    'counter_services',
    'counter_pauses',
    'services',
    'settings',
    'devices',
    'idempotency_keys',
  ];
  const staff = db.all(
    'SELECT id, username, display_name, role, password_hash, must_change_password, active FROM staff',
  );
  return JSON.stringify([
    db.get('SELECT MAX(seq) AS seq FROM events'),
    staff,
    ...tables.map((table) => db.all(`SELECT * FROM ${table} ORDER BY rowid`)),
  ]);
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD bytes). */
const encodeSegment = (id: string) =>
  [...Buffer.from(id, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
const fillPath = (path: string, id: string) => path.replace(/:[A-Za-z]+/g, encodeSegment(id));

describe('hostile input on every endpoint', () => {
  const f = useSharedQueueFixture();
  let admin: ApiClient;

  let admins = 0;
  /** A new admin account, signed in, that no earlier fuzzed request can have touched. */
  async function freshAdmin(): Promise<ApiClient> {
    admins += 1;
    return addClerk(f.server, `fuzz-admin-${admins}`, 'admin');
  }

  /** Sends one request; asserts no 5xx and, on a refusal, that nothing changed. */
  async function probe(
    method: string,
    path: string,
    init: { body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ) {
    const before = fingerprint(f.server);
    let status: number;
    try {
      status = (await admin.request(method, path, init)).status;
    } catch (error) {
      // fetch itself refuses some header values before sending; nothing reached the server.
      const cause = (error as { cause?: { name?: string } }).cause;
      if (cause?.name === 'InvalidArgumentError') return;
      if (
        (error as Error).name === 'TypeError' &&
        !(error as Error).message.includes('fetch failed')
      ) {
        return;
      }
      throw error;
    }
    expect({ method, path, status }).toEqual({ method, path, status: expect.any(Number) });
    if (status >= 500)
      throw new Error(
        `${method} ${path} answered ${status} for ${JSON.stringify(init).slice(0, 300)}`,
      );
    if (status >= 400 && !path.startsWith('/api/auth/')) expect(fingerprint(f.server)).toBe(before);
  }

  test('answers malformed bodies, ids and headers with a 4xx and writes nothing', async () => {
    const routes = f.server.server.application.routes;
    expect(routes.length).toBeGreaterThan(20);
    let requests = 0;
    for (const route of routes) {
      // A fuzzed logout, revoke or password reset may end the session: each route gets a fresh admin.
      admin = await freshAdmin();
      const method = route.method;
      const withBody = method === 'POST' || method === 'PATCH';
      await fc.assert(
        fc.asyncProperty(hostileId, hostileBody, hostileString, async (id, body, key) => {
          requests += 1;
          await probe(method, fillPath(route.path, id), {
            ...(withBody && { body }),
            headers: { 'Idempotency-Key': key.slice(0, 300), 'accept-language': key.slice(0, 50) },
          });
        }),
        { numRuns: 40, endOnFailure: true },
      );
      if (withBody) {
        for (const rawBody of RAW_BODIES) {
          requests += 1;
          await probe(method, fillPath(route.path, '1'), { rawBody });
        }
        requests += 1;
        await probe(method, fillPath(route.path, '1'), {
          rawBody: '{"x":1}',
          headers: { 'content-type': 'text/plain' },
        });
        for (const encoding of BAD_ENCODINGS) {
          requests += 1;
          await probe(method, fillPath(route.path, '1'), {
            rawBody: '{"x":1}',
            headers: { 'content-encoding': encoding },
          });
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
  }, 240_000);

  test('answers broken UTF-8 in a JSON body with a 4xx', async () => {
    const response = await fetch(`${f.server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: Buffer.from([0x7b, 0x22, 0x73, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test('answers an unsupported body charset with a 4xx', async () => {
    const response = await fetch(`${f.server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=koi8-r' },
      body: '{"serviceId":1}',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
