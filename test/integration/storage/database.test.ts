import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { tempDataDir } from '../../support/test-server';

describe('openDatabase()', () => {
  let dataDir: string;
  let db: Database | undefined;

  beforeEach(() => {
    dataDir = tempDataDir();
  });

  afterEach(() => {
    db?.close();
    db = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function pragmasOf(database: Database) {
    return {
      journalMode: database.raw.pragma('journal_mode', { simple: true }),
      synchronous: database.raw.pragma('synchronous', { simple: true }),
      foreignKeys: database.raw.pragma('foreign_keys', { simple: true }),
    };
  }

  test('creates the file and any missing folders above it', () => {
    // Arrange
    const file = path.join(dataDir, 'nested', 'deeper', 'luot.db');

    // Act
    db = openDatabase(file);

    // Assert
    expect(fs.existsSync(file)).toBe(true);
    expect(db.file).toBe(file);
  });

  test('sets WAL, synchronous FULL and foreign keys on a new file', () => {
    // Arrange
    const file = path.join(dataDir, 'luot.db');

    // Act
    db = openDatabase(file);

    // Assert
    expect(pragmasOf(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
  });

  test('sets the same pragmas again on every reopen of the file', () => {
    // Arrange
    const file = path.join(dataDir, 'luot.db');
    openDatabase(file).close();
    openDatabase(file).close();

    // Act
    db = openDatabase(file);

    // Assert
    expect(pragmasOf(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
  });

  test('switches a file another tool created in rollback-journal mode to WAL', () => {
    // Arrange
    const file = path.join(dataDir, 'luot.db');
    const plain = new BetterSqlite3(file);
    plain.exec('CREATE TABLE older (id INTEGER PRIMARY KEY)');
    const before = plain.pragma('journal_mode', { simple: true });
    plain.close();

    // Act
    db = openDatabase(file);

    // Assert
    expect(before).toBe('delete');
    expect(pragmasOf(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
  });

  test('enforces foreign keys on the connection it returns', () => {
    // Arrange
    db = openDatabase(path.join(dataDir, 'luot.db'));
    db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));`);

    // Act
    const act = () => db?.run('INSERT INTO child (parent_id) VALUES (?)', [42]);

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
  });
});

describe('Database.transaction()', () => {
  let dataDir: string;
  let db: Database;

  beforeEach(() => {
    dataDir = tempDataDir();
    db = openDatabase(path.join(dataDir, 'luot.db'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const count = () => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM notes')?.n;

  test('commits every statement together', () => {
    // Act
    const result = db.transaction(() => {
      db.run('INSERT INTO notes (text) VALUES (?)', ['one']);
      db.run('INSERT INTO notes (text) VALUES (?)', ['two']);
      return 'done';
    });

    // Assert
    expect(result).toBe('done');
    expect(count()).toBe(2);
  });

  test('rolls back every statement when the function throws', () => {
    // Act
    const act = () =>
      db.transaction(() => {
        db.run('INSERT INTO notes (text) VALUES (?)', ['one']);
        throw new Error('refused halfway');
      });

    // Assert
    expect(act).toThrow('refused halfway');
    expect(count()).toBe(0);
    expect(db.raw.inTransaction).toBe(false);
  });

  test('joins a nested call to the outer transaction, so an outer failure undoes both', () => {
    // Act
    const act = () =>
      db.transaction(() => {
        db.transaction(() => db.run('INSERT INTO notes (text) VALUES (?)', ['inner']));
        throw new Error('outer refused');
      });

    // Assert
    expect(act).toThrow('outer refused');
    expect(count()).toBe(0);
  });

  test('keeps what was committed across a reopen of the file', () => {
    // Arrange
    db.transaction(() => db.run('INSERT INTO notes (text) VALUES (?)', ['kept']));
    db.close();

    // Act
    db = openDatabase(path.join(dataDir, 'luot.db'));

    // Assert
    expect(db.all<{ text: string }>('SELECT text FROM notes')).toEqual([{ text: 'kept' }]);
  });
});
