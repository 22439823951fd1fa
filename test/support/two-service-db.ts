import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { tempDataDir } from './test-server';

/** A migrated database file holding two services, as storage tests start from. */
export interface TwoServiceDb {
  db: Database;
  serviceA: number;
  serviceB: number;
}

/**
 * Opens a fresh migrated database in a temp folder before each test, with services
 * DKKD (prefix A) and DDTN (prefix B), and removes it after each. Read the fields inside
 * tests: they are set anew for each one.
 */
export function useTwoServiceDb(): TwoServiceDb {
  const current = {} as TwoServiceDb;
  let dataDir = '';
  beforeEach(() => {
    dataDir = tempDataDir();
    const db = openDatabase(path.join(dataDir, 'luot.db'));
    migrate(db);
    const addService = (code: string, prefix: string) =>
      Number(
        db.run('INSERT INTO services (code, name, prefix) VALUES (?, ?, ?)', [code, code, prefix])
          .lastInsertRowid,
      );
    current.db = db;
    current.serviceA = addService('DKKD', 'A');
    current.serviceB = addService('DDTN', 'B');
  });
  afterEach(() => {
    current.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return current;
}
