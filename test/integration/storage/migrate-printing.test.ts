import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { loadMigrations, migrate } from '../../../server/src/storage/migrate';
import { PrintJobRepo } from '../../../server/src/storage/print-job-repo';
import { tempDataDir } from '../../support/test-server';

/** The built-in migrations' versions from `first` on, in order. */
const versionsFrom = (first: number): number[] =>
  loadMigrations()
    .map((m) => m.version)
    .filter((v) => v >= first);

describe('migration 5 (frozen print figures)', () => {
  let dataDir: string;
  let db: Database;

  beforeEach(() => {
    dataDir = tempDataDir();
    db = openDatabase(path.join(dataDir, 'luot.db'));
    migrate(db, loadMigrations().slice(0, 4));
    db.run("INSERT INTO services (code, name, prefix) VALUES ('DKKD', 'Đăng ký kinh doanh', 'A')");
    db.run(
      `INSERT INTO tickets (service_id, original_service_id, day, sequence, number, status,
       issued_at, tracking_token) VALUES (1, 1, '2026-11-27', 1, 'A001', 'waiting', 1000, 'tok')`,
    );
    db.run("INSERT INTO printers (name, target, created_at) VALUES ('Sảnh', 'spool:/tmp/x', 0)");
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('keeps a queued job of a version-4 database, without figures (computed at print time)', () => {
    // Arrange
    db.run(
      `INSERT INTO print_jobs (ticket_id, printer_id, status, created_at, updated_at)
       VALUES (1, 1, 'queued', 1000, 1000)`,
    );

    // Act
    const applied = migrate(db);

    // Assert
    // Every later migration runs, in order, from 5 on.
    expect(applied).toEqual(versionsFrom(5));
    expect(new PrintJobRepo(db).get(1)).toMatchObject({ status: 'queued', figures: null });
  });

  test('a job stores its figures and reads them back; unreadable ones count as none', () => {
    // Arrange
    migrate(db);
    const jobs = new PrintJobRepo(db);

    // Act
    const id = jobs.insert(1, 1, { peopleAhead: 3, estimatedWaitMinutes: 12 }, 2000);
    const noEstimate = jobs.insert(1, 1, { peopleAhead: 0, estimatedWaitMinutes: null }, 2000);
    const corrupt = jobs.insert(1, 1, { peopleAhead: 1, estimatedWaitMinutes: 1 }, 2000);
    db.run("UPDATE print_jobs SET figures = '{not json' WHERE id = ?", [corrupt]);

    // Assert
    expect(jobs.get(id)?.figures).toEqual({ peopleAhead: 3, estimatedWaitMinutes: 12 });
    expect(jobs.get(noEstimate)?.figures).toEqual({ peopleAhead: 0, estimatedWaitMinutes: null });
    expect(jobs.get(corrupt)?.figures).toBeNull();
  });
});
