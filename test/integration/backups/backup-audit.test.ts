import type { BackupResponse, CentreConfig } from '../../../server/src/contract';
import { addStaff, signedIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import type { TestServer } from '../../support/test-server';
import {
  ADMIN_PASSWORD,
  folderNames,
  startBackupServer,
  type BackupTestServer,
} from './backup-server';

const asTestServer = (s: BackupTestServer) => s as unknown as TestServer;

interface AuditRow {
  action: string;
  username: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
}

async function auditOf(admin: ApiClient, action: string): Promise<AuditRow[]> {
  const answer = await admin.get<{ entries: AuditRow[] }>(`/api/audit?action=${action}`);
  expect(answer.status).toBe(200);
  return answer.body.entries;
}

describe('who took a copy: backup downloads and configuration exports are audited', () => {
  let server: BackupTestServer;
  let admin: ApiClient;
  beforeEach(async () => {
    server = await startBackupServer();
    admin = new ApiClient(server.url);
    await admin.login('admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await server.stop();
  });

  test('GET /api/backups/:name writes backup.download with the admin and the file', async () => {
    const { backup } = (await admin.post<BackupResponse>('/api/backups', {})).body;
    expect(await auditOf(admin, 'backup.download')).toEqual([]);
    const download = await admin.request('GET', `/api/backups/${backup.name}`);
    expect(download.status).toBe(200);
    expect(await auditOf(admin, 'backup.download')).toEqual([
      expect.objectContaining({
        username: 'admin',
        target: backup.name,
        details: expect.objectContaining({ size: backup.size }) as unknown,
      }),
    ]);
    // A name not listed is not found, and nothing is audited for it.
    const missing = await admin.request('GET', '/api/backups/luot-2001-01-01-0000.db');
    expect(missing.status).toBe(404);
    expect(await auditOf(admin, 'backup.download')).toHaveLength(1);
  });

  test('GET /api/config/export writes config.export with who exported', async () => {
    await addStaff(asTestServer(server), 'giamsat', 'supervisor');
    const supervisor = await signedIn(asTestServer(server), 'giamsat');
    const exported = await supervisor.get<CentreConfig>('/api/config/export');
    expect(exported.status).toBe(200);
    expect(await auditOf(admin, 'config.export')).toEqual([
      expect.objectContaining({
        username: 'giamsat',
        target: 'config',
        details: {
          services: exported.body.services.length,
          counters: exported.body.counters.length,
        },
      }),
    ]);
  });

  test("one admin's Idempotency-Key does not answer another admin's backup", async () => {
    await addStaff(asTestServer(server), 'quantri2', 'admin');
    const other = await signedIn(asTestServer(server), 'quantri2');
    const first = await admin.post<BackupResponse>('/api/backups', {}, { 'Idempotency-Key': 'k' });
    const second = await other.post<BackupResponse>('/api/backups', {}, { 'Idempotency-Key': 'k' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.backup.name).not.toBe(first.body.backup.name);
    expect(folderNames(server.backupsDir)).toHaveLength(2);
    const rows = await auditOf(admin, 'backup.create');
    expect(rows.map((r) => r.username).sort()).toEqual(['admin', 'quantri2']);
    // The same admin repeating the key gets the first answer back.
    const again = await admin.post<BackupResponse>('/api/backups', {}, { 'Idempotency-Key': 'k' });
    expect(again.body).toEqual(first.body);
  });
});
