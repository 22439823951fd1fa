import path from 'node:path';
import { openDatabase } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { createRepos } from '../../server/src/storage/repos';

/**
 * A fresh migrated database file in `dataDir` with one service (DKKD, prefix A), closed
 * again: for tests whose child process opens it. Returns the file and the service's id.
 */
export function prepareOneServiceDatabase(dataDir: string): { file: string; serviceId: number } {
  const file = path.join(dataDir, 'luot.db');
  const db = openDatabase(file);
  migrate(db);
  const serviceId = createRepos(db).services.insert({
    code: 'DKKD',
    name: 'Đăng ký kinh doanh',
    nameEn: 'Business registration',
    prefix: 'A',
    agency: 'Sở Kế hoạch và Đầu tư',
    targetWaitMinutes: 20,
    dailyCap: null,
    cutoffMinutes: null,
    defaultServiceMinutes: 12,
    sortOrder: 1,
    active: true,
  });
  db.close();
  return { file, serviceId };
}
