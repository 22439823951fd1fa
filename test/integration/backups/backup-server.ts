import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../../server/src/config';
import { startServer, type RunningServer } from '../../../server/src/server';
import type { BackupOptions } from '../../../server/src/services/admin/backup-service';
import { ManualClock, tempDataDir } from '../../support/test-server';

/** A real server on port 0 over a fresh data folder, with backup options the test picks. */
export interface BackupTestServer {
  url: string;
  dataDir: string;
  backupsDir: string;
  clock: ManualClock;
  server: RunningServer;
  stop(): Promise<void>;
}

export const ADMIN_PASSWORD = 'test-admin-password';

/** Starts the demo centre; `backups` shrinks the schedule or raises the free-space floor. */
export async function startBackupServer(
  options: {
    clock?: ManualClock;
    env?: Record<string, string>;
    backups?: Partial<BackupOptions>;
  } = {},
): Promise<BackupTestServer> {
  const dataDir = tempDataDir();
  const clock = options.clock ?? new ManualClock();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LUOT_DATA_DIR: dataDir,
    LUOT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const server = await startServer(config, {
    clock,
    logger: pino({ level: 'silent' }),
    ...(options.backups !== undefined && { backups: options.backups }),
  });
  return {
    url: server.url,
    dataDir,
    backupsDir: path.join(dataDir, 'backups'),
    clock,
    server,
    stop: () => server.stop(),
  };
}

/** The names in the backups folder, hidden ones included, sorted; none when it is absent. */
export function folderNames(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Grows the database by `bytes`, so that a backup takes many turns of the event loop. */
export function addBallast(server: BackupTestServer, bytes: number): void {
  const raw = server.server.application.repos.db.raw;
  raw.exec('CREATE TABLE IF NOT EXISTS test_ballast (b BLOB)');
  raw.prepare('INSERT INTO test_ballast (b) VALUES (zeroblob(?))').run(bytes);
}
