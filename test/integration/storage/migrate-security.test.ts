import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../server/src/storage/database';
import { loadMigrations, migrate } from '../../../server/src/storage/migrate';
import { StaffRepo } from '../../../server/src/storage/staff-repo';
import { tempDataDir } from '../../support/test-server';

/** The built-in migrations' versions from `first` on, in order. */
const versionsFrom = (first: number): number[] =>
  loadMigrations()
    .map((m) => m.version)
    .filter((v) => v >= first);

describe('migration 3 (security)', () => {
  test('keeps the live sessions of a version-2 database and gives them ids', () => {
    // Arrange
    const dataDir = tempDataDir();
    const db = openDatabase(path.join(dataDir, 'luot.db'));
    migrate(db, loadMigrations().slice(0, 2));
    db.run(
      `INSERT INTO staff (username, display_name, role, password_hash, created_at)
       VALUES ('lan', 'Lan', 'clerk', 'x', 0)`,
    );
    db.run(
      `INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, revoked_at)
       VALUES ('old', 1, 100, 5000, NULL), ('gone', 1, 50, 5000, 60)`,
    );

    // Act
    const applied = migrate(db);

    // Assert
    // Every later migration runs, in order, from 3 on.
    expect(applied).toEqual(versionsFrom(3));
    const staff = new StaffRepo(db);
    expect(staff.sessionByToken('old', 1000)).toMatchObject({ sessionId: 2, staff: { id: 1 } });
    expect(staff.sessionByToken('gone', 1000)).toBeUndefined();
    expect(staff.liveSessions(1000).map((s) => s.id)).toEqual([2]);
    expect(staff.insertSession('new', 1, 2000, 9000)).toBe(3);
    expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe(
      'ok',
    );
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
