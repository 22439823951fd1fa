import path from 'node:path';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import {
  DEFAULT_CHECKPOINT_FRAMES,
  MAX_CHECKPOINT_FAILURES,
  SAFETY_CHECKPOINT_FRAMES,
  WalCheckpointer,
} from '../../../server/src/storage/wal-checkpointer';
import { eventually } from '../../support/eventually';
import { startTestServer, tempDataDir } from '../../support/test-server';

const autoCheckpoint = (db: Database) => db.raw.pragma('wal_autocheckpoint', { simple: true });
const changes = (db: Database) => db.get<{ n: number }>('SELECT total_changes() AS n')!.n;

function newDatabase(): Database {
  const db = openDatabase(path.join(tempDataDir(), 'luot.db'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
  return db;
}

describe('WAL checkpoints in a thread of their own', () => {
  test('the main connection leaves them to the thread, which copies every committed frame', async () => {
    const db = newDatabase();
    const checkpointer = new WalCheckpointer(db, { everyMs: 10 });
    try {
      expect(autoCheckpoint(db)).toBe(SAFETY_CHECKPOINT_FRAMES);
      // 1,500 commits of a page or more each: past SQLite's own 1,000-frame checkpoint,
      // which the main connection no longer runs.
      for (let i = 0; i < 1500; i++) db.run('INSERT INTO t (v) VALUES (randomblob(3000))');
      const done = changes(db);
      const last = await eventually(
        () => {
          const reply = checkpointer.last;
          return reply && reply.asked === done && !('error' in reply) ? reply : null;
        },
        { what: 'a checkpoint asked after the last commit' },
      );
      expect(last.log).toBeGreaterThanOrEqual(1500);
      expect(last.checkpointed).toBe(last.log);
      expect(last.busy).toBe(false);
      expect(checkpointer.active).toBe(true);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  test('a few changed rows wait for more; a quiet database never starts the thread', async () => {
    const db = newDatabase();
    const checkpointer = new WalCheckpointer(db, { everyMs: 5, minChanges: 64, maxWaitMs: 60_000 });
    try {
      for (let i = 0; i < 10; i++) db.run('INSERT INTO t (v) VALUES (1)');
      // Many ticks later, still nothing asked.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(checkpointer.last).toBeNull();
      // Sixty-four more are asked for at once, long before the minute is over.
      for (let i = 0; i < 64; i++) db.run('INSERT INTO t (v) VALUES (1)');
      const done = changes(db);
      await eventually(() => checkpointer.last?.asked === done, { what: 'a checkpoint' });
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  test('a few changed rows are checkpointed once they have waited long enough', async () => {
    const db = newDatabase();
    const checkpointer = new WalCheckpointer(db, { everyMs: 5, minChanges: 64, maxWaitMs: 300 });
    try {
      db.run('INSERT INTO t (v) VALUES (1)');
      const asked = performance.now();
      const late = await eventually(() => checkpointer.last, { what: 'the late checkpoint' });
      expect(performance.now() - asked).toBeGreaterThanOrEqual(300);
      expect(late.asked).toBe(changes(db));
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  test('a thread that keeps failing is given up, and the main connection checkpoints by itself again', async () => {
    const db = newDatabase();
    const failures: boolean[] = [];
    const checkpointer = new WalCheckpointer(db, {
      everyMs: 10,
      minChanges: 1,
      entry: path.join(__dirname, '../../support/threads/exiting-thread.ts'),
      onFailure: (_message, givenUp) => failures.push(givenUp),
    });
    try {
      db.run('INSERT INTO t (v) VALUES (1)');
      await eventually(() => !checkpointer.active, { what: 'the thread given up' });
      expect(failures).toEqual([
        ...new Array<boolean>(MAX_CHECKPOINT_FAILURES - 1).fill(false),
        true,
      ]);
      expect(autoCheckpoint(db)).toBe(DEFAULT_CHECKPOINT_FRAMES);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  test('checkpoints that fail in SQLite (a full disk) are said once and asked again, the thread kept', async () => {
    const db = newDatabase();
    const failures: Array<[string, boolean]> = [];
    const checkpointer = new WalCheckpointer(db, {
      everyMs: 5,
      minChanges: 1,
      entry: path.join(__dirname, '../../support/threads/erring-checkpoint-thread.ts'),
      onFailure: (message, givenUp) => failures.push([message, givenUp]),
    });
    try {
      db.run('INSERT INTO t (v) VALUES (1)');
      const first = await eventually(() => checkpointer.last, { what: 'a first answer' });
      // Past the number of thread failures that would give it up, and more.
      const asked = first.asked;
      db.run('INSERT INTO t (v) VALUES (2)');
      await eventually(() => (checkpointer.last?.asked ?? 0) > asked, { what: 'a second answer' });
      await new Promise((resolve) => setTimeout(resolve, 5 * 5 * MAX_CHECKPOINT_FAILURES));
      expect(failures).toEqual([['database or disk is full', false]]);
      expect(checkpointer.active).toBe(true);
      expect(autoCheckpoint(db)).toBe(SAFETY_CHECKPOINT_FRAMES);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  test('closing it gives the checkpoints back to the main connection', async () => {
    const db = newDatabase();
    const checkpointer = new WalCheckpointer(db, { everyMs: 10 });
    await checkpointer.close();
    expect(checkpointer.active).toBe(false);
    expect(autoCheckpoint(db)).toBe(DEFAULT_CHECKPOINT_FRAMES);
    db.close();
  });

  test('a server on a database file runs its checkpoints in the thread', async () => {
    const server = await startTestServer();
    try {
      expect(autoCheckpoint(server.server.application.repos.db)).toBe(SAFETY_CHECKPOINT_FRAMES);
    } finally {
      await server.stop();
    }
  });
});
