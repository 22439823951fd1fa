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
});
