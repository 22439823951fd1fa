import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupListResponse, BackupResponse } from '../../../server/src/contract';
import { addStaff, signedIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { SERVICE } from '../../support/queue-helpers';
import type { TestServer } from '../../support/test-server';
import {
  ADMIN_PASSWORD,
  addBallast,
  folderNames,
  startBackupServer,
  type BackupTestServer,
} from './backup-server';

const asTestServer = (s: BackupTestServer) => s as unknown as TestServer;

async function adminOf(server: BackupTestServer): Promise<ApiClient> {
  const admin = new ApiClient(server.url);
  await admin.login('admin', ADMIN_PASSWORD);
  return admin;
}

/** Reads a whole response body as bytes, with the admin's cookie. */
async function download(server: BackupTestServer, cookie: string, name: string) {
  const response = await fetch(`${server.url}/api/backups/${name}`, { headers: { cookie } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function cookieOf(server: BackupTestServer): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('POST /api/backups, GET /api/backups, GET /api/backups/:name', () => {
  let server: BackupTestServer;
  let admin: ApiClient;

  beforeEach(async () => {
    server = await startBackupServer();
    admin = await adminOf(server);
  });

  afterEach(() => server.stop());

  test('writes a dated backup that passes the integrity check and holds the tickets', async () => {
    const issued = [];
    for (let i = 0; i < 5; i += 1) issued.push((await admin.issue(SERVICE.DKKD)).ticket.number);

    const created = await admin.post<BackupResponse>('/api/backups');

    expect(created.status).toBe(201);
    const { backup } = created.body;
    // The ManualClock's instant: 2026-11-27T02:00:00Z.
    expect(backup).toEqual({
      name: 'luot-2026-11-27T020000Z.sqlite',
      size: fs.statSync(path.join(server.backupsDir, backup.name)).size,
      createdAt: '2026-11-27T02:00:00.000Z',
      automatic: false,
    });
    expect(folderNames(server.backupsDir)).toEqual([backup.name]);
    const copy = new BetterSqlite3(path.join(server.backupsDir, backup.name), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const numbers = copy
        .prepare('SELECT number FROM tickets ORDER BY id')
        .all()
        .map((row) => (row as { number: string }).number);
      expect(numbers).toEqual(issued);
    } finally {
      copy.close();
    }
    // Opening it read-only left nothing beside it: one self-contained file.
    expect(folderNames(server.backupsDir)).toEqual([backup.name]);
  });

  test('lists backups newest first and downloads one byte for byte as an attachment', async () => {
    const first = (await admin.post<BackupResponse>('/api/backups')).body.backup;
    const second = (await admin.post<BackupResponse>('/api/backups')).body.backup;
    server.clock.advance(3_600_000);
    const third = (await admin.post<BackupResponse>('/api/backups')).body.backup;

    const listed = await admin.get<BackupListResponse>('/api/backups');

    expect(listed.status).toBe(200);
    // Two in the same second: the later one is named -2.
    expect(second.name).toBe('luot-2026-11-27T020000Z-2.sqlite');
    expect(listed.body.backups.map((b) => b.name)).toEqual([third.name, second.name, first.name]);
    const { response, bytes } = await download(server, await cookieOf(server), third.name);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename=${third.name}`);
    expect(bytes.equals(fs.readFileSync(path.join(server.backupsDir, third.name)))).toBe(true);
  });

  test('answers 404 for traversal and for any name that is not a listed backup', async () => {
    await admin.post('/api/backups');
    const partial = path.join(server.backupsDir, '.luot-2026-11-27T010000Z.sqlite.partial');
    fs.writeFileSync(partial, 'half');
    const cookie = await cookieOf(server);

    for (const name of [
      '..%2Fluot.db',
      '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'luot.db',
      '.luot-2026-11-27T010000Z.sqlite.partial',
      'luot-2026-11-27T030000Z.sqlite',
      'luot-2026-02-30T020000Z.sqlite',
      'luot-2026-11-27T020000Z.sqlite%00',
    ]) {
      const { response, bytes } = await download(server, cookie, name);
      expect(`${name}: ${response.status}`).toBe(`${name}: 404`);
      expect(JSON.parse(bytes.toString()).error.code).toBe('not_found');
    }
  });

  test('refuses clerks and supervisors with 403 and anonymous callers with 401', async () => {
    await addStaff(asTestServer(server), 'clerk1', 'clerk');
    await addStaff(asTestServer(server), 'super1', 'supervisor');
    await admin.post('/api/backups');
    const name = (await admin.get<BackupListResponse>('/api/backups')).body.backups[0]?.name;

    for (const who of ['clerk1', 'super1']) {
      const client = await signedIn(asTestServer(server), who);
      for (const [method, url] of [
        ['POST', '/api/backups'],
        ['GET', '/api/backups'],
        ['GET', `/api/backups/${name}`],
      ] as const) {
        const response = await client.request(method, url, method === 'POST' ? { body: {} } : {});
        expect(`${who} ${method} ${url}: ${response.status}`).toBe(`${who} ${method} ${url}: 403`);
      }
    }
    expect((await new ApiClient(server.url).post('/api/backups')).status).toBe(401);
    expect(folderNames(server.backupsDir)).toHaveLength(1);
  });

  test('audits each backup with its author, and replays a repeated Idempotency-Key', async () => {
    const first = await admin.post<BackupResponse>(
      '/api/backups',
      {},
      { 'Idempotency-Key': 'b-1' },
    );
    const again = await admin.post<BackupResponse>(
      '/api/backups',
      {},
      { 'Idempotency-Key': 'b-1' },
    );

    expect(again.body).toEqual(first.body);
    expect(folderNames(server.backupsDir)).toEqual([first.body.backup.name]);
    const audit = await admin.get<{
      entries: { action: string; username: string; target: string }[];
    }>('/api/audit');
    const rows = audit.body.entries.filter((e) => e.action === 'backup.create');
    expect(rows).toEqual([
      expect.objectContaining({ username: 'admin', target: first.body.backup.name }),
    ]);
  });

  test('refuses a body other than {} with 400', async () => {
    const response = await admin.post('/api/backups', { to: '/tmp/x' });
    expect(response.status).toBe(400);
    expect(folderNames(server.backupsDir)).toEqual([]);
  });
});

describe('a backup of a large database', () => {
  let server: BackupTestServer;

  beforeAll(async () => {
    server = await startBackupServer({ backups: { pagesPerStep: 50 } });
    addBallast(server, 24 * 1024 * 1024);
  });

  afterAll(() => server.stop());

  test('runs one at a time: a second POST meanwhile gets 409 backup_in_progress', async () => {
    const admin = await adminOf(server);
    const order: string[] = [];
    const first = admin.post<BackupResponse>('/api/backups').then((r) => {
      order.push('backup');
      return r;
    });
    await eventually(
      () => folderNames(server.backupsDir).some((name) => name.endsWith('.partial')),
      { intervalMs: 1, what: 'the backup to be under way' },
    );

    const second = await admin.post('/api/backups');
    order.push('second');
    // The event loop is free between pages: other requests are answered meanwhile.
    const health = await admin.get('/api/health');
    order.push('health');

    expect(second.status).toBe(409);
    expect((second.body as { error: { code: string } }).error.code).toBe('backup_in_progress');
    expect(health.status).toBe(200);
    const done = await first;
    expect(done.status).toBe(201);
    expect(order).toEqual(['second', 'health', 'backup']);
    expect(folderNames(server.backupsDir)).toEqual([done.body.backup.name]);
    expect(done.body.backup.size).toBeGreaterThan(24 * 1024 * 1024);
  });

  test('refuses two backups started at once in the same turn', async () => {
    const { backups } = server.server.application;
    const who = { staffId: null, username: null, ip: null };
    const first = backups.create(who);
    expect(() => backups.create(who)).toThrow(
      expect.objectContaining({ code: 'backup_in_progress' }),
    );
    await first;
  });
});

describe('a backup the disk cannot take', () => {
  test('answers 503 storage_unavailable and leaves no file when the disk would be too full', async () => {
    const server = await startBackupServer({ backups: { minFreeBytes: Number.MAX_SAFE_INTEGER } });
    try {
      const admin = await adminOf(server);
      const response = await admin.post('/api/backups');
      expect(response.status).toBe(503);
      expect((response.body as { error: { code: string } }).error.code).toBe('storage_unavailable');
      expect(folderNames(server.backupsDir)).toEqual([]);
      expect((await admin.get<BackupListResponse>('/api/backups')).body.backups).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('answers 503 storage_unavailable when the backups folder cannot be made', async () => {
    const server = await startBackupServer();
    try {
      fs.writeFileSync(server.backupsDir, 'a file where the folder goes');
      const admin = await adminOf(server);
      const response = await admin.post('/api/backups');
      expect(response.status).toBe(503);
      expect((response.body as { error: { code: string } }).error.code).toBe('storage_unavailable');
      expect((await admin.get('/api/backups')).status).toBe(503);
    } finally {
      await server.stop();
    }
  });

  test('removes what a backup interrupted by a crash left, and never lists it', async () => {
    const server = await startBackupServer();
    try {
      fs.mkdirSync(server.backupsDir);
      for (const suffix of ['', '-journal'])
        fs.writeFileSync(
          path.join(server.backupsDir, `.luot-2026-11-26T020000Z.sqlite.partial${suffix}`),
          'x',
        );
      const admin = await adminOf(server);
      expect((await admin.get<BackupListResponse>('/api/backups')).body.backups).toEqual([]);

      const created = await admin.post<BackupResponse>('/api/backups');

      expect(folderNames(server.backupsDir)).toEqual([created.body.backup.name]);
    } finally {
      await server.stop();
    }
  });
});
