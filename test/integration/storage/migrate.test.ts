import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { loadMigrations, migrate, type Migration } from '../../../server/src/storage/migrate';
import { tempDataDir } from '../../support/test-server';

const TABLES = [
  'audit_log',
  'centre_logo',
  'counter_pauses',
  'counter_services',
  'counter_shifts',
  'counters',
  'devices',
  'events',
  'health_probe',
  'idempotency_keys',
  'print_jobs',
  'printers',
  'ratings',
  'report_days',
  'report_meta',
  'schema_migrations',
  'service_groups',
  'services',
  'sessions',
  'settings',
  'sign_in_failures',
  'staff',
  'ticket_sequences',
  'ticket_transfers',
  'tickets',
];

const CURRENT = [
  { version: 1, name: 'initial' },
  { version: 2, name: 'queue_rules' },
  { version: 3, name: 'security' },
  { version: 4, name: 'printing' },
  { version: 5, name: 'print_figures' },
  { version: 6, name: 'agent_tokens' },
  { version: 7, name: 'parked_at' },
  { version: 8, name: 'health_probe' },
  { version: 9, name: 'sign_in_failures' },
  { version: 10, name: 'visitor_screens' },
  { version: 11, name: 'catalogue' },
  { version: 12, name: 'reports' },
  { version: 13, name: 'service_time_index' },
  { version: 14, name: 'issue_figures' },
  { version: 15, name: 'ticket_number_index' },
  { version: 16, name: 'ticket_transfers' },
  { version: 17, name: 'open_tickets_index' },
];

const tablesOf = (db: Database): string[] =>
  db
    .all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .map((row) => row.name);

const recordedOf = (db: Database) =>
  db.all<{ version: number; name: string }>(
    'SELECT version, name FROM schema_migrations ORDER BY version',
  );

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql };
}

describe('migrate()', () => {
  let dataDir: string;
  let file: string;
  let db: Database;

  beforeEach(() => {
    dataDir = tempDataDir();
    file = path.join(dataDir, 'luot.db');
    db = openDatabase(file);
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('creates every table on a fresh file and records the migration', () => {
    // Act
    const applied = migrate(db);

    // Assert
    expect(applied).toEqual(CURRENT.map((m) => m.version));
    expect(tablesOf(db)).toEqual(TABLES);
    expect(recordedOf(db)).toEqual(CURRENT);
  });

  test('records when each migration was applied as an ISO timestamp', () => {
    // Act
    migrate(db);

    // Assert
    const row = db.get<{ applied_at: string }>('SELECT applied_at FROM schema_migrations');
    expect(row?.applied_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test('applies nothing the second time', () => {
    // Arrange
    migrate(db);

    // Act
    const applied = migrate(db);

    // Assert
    expect(applied).toEqual([]);
    expect(recordedOf(db)).toEqual(CURRENT);
  });

  test('applies nothing after the file is closed and reopened', () => {
    // Arrange
    migrate(db);
    db.close();
    db = openDatabase(file);

    // Act
    const applied = migrate(db);

    // Assert
    expect(applied).toEqual([]);
    expect(tablesOf(db)).toEqual(TABLES);
  });

  test('applies only the migrations added since the last run', () => {
    // Arrange
    const first = migration(1, 'first', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    const second = migration(2, 'second', 'CREATE TABLE b (id INTEGER PRIMARY KEY);');
    migrate(db, [first]);

    // Act
    const applied = migrate(db, [first, second]);

    // Assert
    expect(applied).toEqual([2]);
    expect(recordedOf(db)).toEqual([
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
  });

  test('refuses a database that recorded a migration this code does not have', () => {
    // Arrange
    const first = migration(1, 'first', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    const newer = migration(2, 'from_the_future', 'CREATE TABLE b (id INTEGER PRIMARY KEY);');
    migrate(db, [first, newer]);

    // Act
    const act = () => migrate(db, [first]);

    // Assert
    expect(act).toThrow(/2_from_the_future.*does not know/);
  });

  test('refuses a database whose recorded migration was renamed in the code since', () => {
    // Arrange
    migrate(db, [migration(1, 'first', 'CREATE TABLE a (id INTEGER PRIMARY KEY);')]);
    const renamed = migration(1, 'renamed', 'CREATE TABLE a (id INTEGER PRIMARY KEY);');

    // Act
    const act = () => migrate(db, [renamed]);

    // Assert
    expect(act).toThrow(/1_first/);
  });

  test('applies nothing pending when it refuses the recorded history', () => {
    // Arrange
    migrate(db, [migration(1, 'first', 'CREATE TABLE a (id INTEGER PRIMARY KEY);')]);
    const code = [
      migration(1, 'renamed', 'CREATE TABLE a (id INTEGER PRIMARY KEY);'),
      migration(2, 'second', 'CREATE TABLE b (id INTEGER PRIMARY KEY);'),
    ];

    // Act
    const act = () => migrate(db, code);

    // Assert
    expect(act).toThrow();
    expect(tablesOf(db)).toEqual(['a', 'schema_migrations']);
  });

  test('rolls a failing migration back whole and records nothing for it', () => {
    // Arrange
    const broken = migration(
      1,
      'broken',
      'CREATE TABLE half (id INTEGER PRIMARY KEY); INSERT INTO missing_table VALUES (1);',
    );

    // Act
    const act = () => migrate(db, [broken]);

    // Assert
    expect(act).toThrow(/missing_table/);
    expect(tablesOf(db)).toEqual(['schema_migrations']);
    expect(recordedOf(db)).toEqual([]);
  });
});

describe('loadMigrations()', () => {
  let dir: string;

  beforeEach(() => {
    dir = tempDataDir();
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, sql = 'SELECT 1;') => fs.writeFileSync(path.join(dir, name), sql);

  test('loads the built-in migrations starting at 001_initial', () => {
    // Act
    const migrations = loadMigrations();

    // Assert
    expect(migrations[0]).toMatchObject({ version: 1, name: 'initial' });
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  test('orders files by number, whatever order they were written in, and ignores other files', () => {
    // Arrange
    write('003_third.sql', 'CREATE TABLE c (id INTEGER);');
    write('001_first.sql', 'CREATE TABLE a (id INTEGER);');
    write('002_second.sql', 'CREATE TABLE b (id INTEGER);');
    write('README.md', '# not a migration');

    // Act
    const migrations = loadMigrations(dir);

    // Assert
    expect(migrations).toEqual([
      { version: 1, name: 'first', sql: 'CREATE TABLE a (id INTEGER);' },
      { version: 2, name: 'second', sql: 'CREATE TABLE b (id INTEGER);' },
      { version: 3, name: 'third', sql: 'CREATE TABLE c (id INTEGER);' },
    ]);
  });

  test('refuses two migrations with the same number', () => {
    // Arrange
    write('001_first.sql');
    write('002_second.sql');
    write('002_other_second.sql');

    // Act
    const act = () => loadMigrations(dir);

    // Assert
    expect(act).toThrow('Duplicate migration number 2');
  });

  test('refuses the same number written with more leading zeros', () => {
    // Arrange
    write('001_first.sql');
    write('0001_first_again.sql');

    // Act
    const act = () => loadMigrations(dir);

    // Assert
    expect(act).toThrow('Duplicate migration number 1');
  });

  test('refuses a gap in the numbering', () => {
    // Arrange
    write('001_first.sql');
    write('002_second.sql');
    write('004_fourth.sql');

    // Act
    const act = () => loadMigrations(dir);

    // Assert
    expect(act).toThrow('Migration 4 is out of order: expected 3');
  });

  test('refuses numbering that does not start at 1', () => {
    // Arrange
    write('002_second.sql');

    // Act
    const act = () => loadMigrations(dir);

    // Assert
    expect(act).toThrow('Migration 2 is out of order: expected 1');
  });

  test.each(['1_short.sql', '001-dash.sql', '001_Upper.sql', 'initial.sql'])(
    'refuses the badly named file %s',
    (name) => {
      // Arrange
      write('001_first.sql');
      write(name);

      // Act
      const act = () => loadMigrations(dir);

      // Assert
      expect(act).toThrow(`Migration file name not of the form 001_name.sql: ${name}`);
    },
  );
});

describe('upgrading a database made by an earlier version', () => {
  test('keeps the tickets of a version-1 database through migration 2', () => {
    // Arrange
    const dataDir = tempDataDir();
    const db = openDatabase(path.join(dataDir, 'luot.db'));
    migrate(db, loadMigrations().slice(0, 1));
    db.run("INSERT INTO services (code, name, prefix) VALUES ('DKKD', 'Đăng ký kinh doanh', 'A')");
    db.run(
      `INSERT INTO tickets (service_id, day, sequence, number, status, issued_at, tracking_token)
       VALUES (1, '2026-11-27', 15, 'A015', 'called', 1000, 'tok')`,
    );
    db.run(
      "INSERT INTO ticket_sequences (service_id, day, last_value) VALUES (1, '2026-11-27', 15)",
    );

    // Act
    const applied = migrate(db);

    // Assert
    expect(applied).toEqual(CURRENT.slice(1).map((m) => m.version));
    expect(
      db.get('SELECT number, status, original_service_id, front, transfer_count FROM tickets'),
    ).toEqual({
      number: 'A015',
      status: 'called',
      original_service_id: 1,
      front: 0,
      transfer_count: 0,
    });
    expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe(
      'ok',
    );
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
