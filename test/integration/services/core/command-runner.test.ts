import path from 'node:path';
import type { FeedEnvelope } from '../../../../server/src/contract';
import { CommandRunner } from '../../../../server/src/services/core/command-runner';
import { openDatabase, type Database } from '../../../../server/src/storage/database';
import { migrate } from '../../../../server/src/storage/migrate';
import { createRepos, type Repos } from '../../../../server/src/storage/repos';
import { ManualClock, tempDataDir } from '../../../support/test-server';

describe('CommandRunner', () => {
  let db: Database;
  let repos: Repos;
  /** What left the runner, in order: published events and notices. */
  let out: string[];
  let runner: CommandRunner;

  beforeEach(() => {
    db = openDatabase(path.join(tempDataDir(), 'luot.db'));
    migrate(db);
    repos = createRepos(db);
    out = [];
    runner = new CommandRunner(repos, new ManualClock(), {
      publish: (events: readonly FeedEnvelope[]) => {
        // What a screen would see at this instant: the event and whether its row is committed.
        const stored = db.raw.inTransaction ? 'uncommitted' : 'committed';
        for (const event of events) out.push(`event ${event.type} ${stored}`);
      },
      endAccess: (ends) => {
        const stored = db.raw.inTransaction ? 'uncommitted' : 'committed';
        for (const end of ends) out.push(`access ${end.kind} ${stored}`);
      },
    });
  });

  afterEach(() => db.close());

  const centreUpdated = { settings: {} } as never;

  test('a command run inside another joins its transaction and is published once, after the commit', () => {
    // Act
    runner.run({ scope: 'outer', request: null }, (context) => {
      context.afterCommit(() => out.push('notice outer'));
      runner.run({ scope: 'inner', request: null }, (inner) => {
        inner.emit('centre:updated', centreUpdated);
        inner.afterCommit(() => out.push('notice inner'));
      });
      out.push('outer body done');
    });

    // Assert
    expect(out).toEqual([
      'outer body done',
      'event centre:updated committed',
      'notice outer',
      'notice inner',
    ]);
    expect(repos.events.since(0, 10)).toHaveLength(1);
  });

  test('a command started inside a bare transaction is refused before it writes or announces', () => {
    // Act
    const run = () =>
      db.transaction(() =>
        runner.run({ scope: 'inside', request: null }, (context) => {
          context.emit('centre:updated', centreUpdated);
          context.afterCommit(() => out.push('notice'));
        }),
      );

    // Assert
    expect(run).toThrow(/inside a transaction that is not a command/);
    expect(out).toEqual([]);
    expect(repos.events.since(0, 10)).toHaveLength(0);
  });

  test('audit rows commit with the change and ended access leaves after its events', () => {
    // Arrange
    const who = { staffId: null, username: 'admin', ip: '127.0.0.1' };

    // Act
    runner.run({ scope: 'kept', request: null }, (context) => {
      context.endAccess({ kind: 'device-revoked', deviceId: 7 });
      context.audit('device.revoke', who, 'device:7', { name: 'Ki-ốt 1' });
      context.emit('centre:updated', centreUpdated);
    });
    const failing = () =>
      runner.run({ scope: 'dropped', request: null }, (context) => {
        context.endAccess({ kind: 'staff-deactivated', staffId: 3 });
        context.audit('staff.update', who, 'staff:3');
        throw new Error('refused');
      });

    // Assert
    expect(failing).toThrow('refused');
    expect(out).toEqual(['event centre:updated committed', 'access device-revoked committed']);
    expect(repos.audit.list(10)).toEqual([
      expect.objectContaining({ action: 'device.revoke', target: 'device:7', username: 'admin' }),
    ]);
  });

  test('when the outer command fails after an inner one, neither is kept nor announced', () => {
    // Act
    const failing = () =>
      runner.run({ scope: 'outer', request: null }, () => {
        runner.run({ scope: 'inner', request: null }, (inner) => {
          inner.emit('centre:updated', centreUpdated);
          inner.afterCommit(() => out.push('notice inner'));
        });
        throw new Error('the second write failed');
      });

    // Assert
    expect(failing).toThrow('the second write failed');
    expect(out).toEqual([]);
    expect(repos.events.since(0, 10)).toHaveLength(0);
    runner.run({ scope: 'later', request: null }, (context) => {
      context.emit('centre:updated', centreUpdated);
    });
    expect(out).toEqual(['event centre:updated committed']);
  });

  test('an inner command that fails while the outer one catches it and goes on is rolled back and never announced', () => {
    // Act
    runner.run({ scope: 'outer', request: null }, (context) => {
      expect(() =>
        runner.run({ scope: 'inner', idempotencyKey: 'inner-1', request: null }, (inner) => {
          inner.emit('centre:updated', centreUpdated);
          inner.afterCommit(() => out.push('notice inner'));
          throw new Error('the inner write failed');
        }),
      ).toThrow('the inner write failed');
      context.emit('counter:updated', { counter: {} } as never);
      context.afterCommit(() => out.push('notice outer'));
    });

    // Assert
    expect(out).toEqual(['event counter:updated committed', 'notice outer']);
    expect(repos.events.since(0, 10).map((event) => event.type)).toEqual(['counter:updated']);
    expect(repos.idempotency.find('inner', 'inner-1')).toBeUndefined();
  });

  test('an inner command that succeeds after a failed sibling is announced in order with the outer one', () => {
    // Act
    runner.run({ scope: 'outer', request: null }, (context) => {
      context.emit('counter:updated', { counter: {} } as never);
      try {
        runner.run({ scope: 'failing', request: null }, (inner) => {
          inner.emit('centre:updated', centreUpdated);
          throw new Error('refused');
        });
      } catch {
        // The outer command goes on without it.
      }
      runner.run({ scope: 'inner', request: null }, (inner) => {
        inner.emit('centre:updated', centreUpdated);
        inner.afterCommit(() => out.push('notice inner'));
      });
    });

    // Assert
    expect(out).toEqual([
      'event counter:updated committed',
      'event centre:updated committed',
      'notice inner',
    ]);
    expect(repos.events.since(0, 10).map((event) => event.seq)).toEqual([1, 2]);
  });
});
