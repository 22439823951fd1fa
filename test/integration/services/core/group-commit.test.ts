import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FeedEnvelope } from '../../../../server/src/contract';
import { DomainError } from '../../../../server/src/domain/errors';
import { CommandRunner } from '../../../../server/src/services/core/command-runner';
import { openDatabase, type Database } from '../../../../server/src/storage/database';
import { createRepos, type Repos } from '../../../../server/src/storage/repos';
import { openChildQueue } from '../../../support/child-queue';
import { prepareOneServiceDatabase } from '../../../support/one-service-db';
import { ManualClock, tempDataDir } from '../../../support/test-server';

const ROOT = path.resolve(__dirname, '../../../..');
/** 09:00 on 27 November 2026 in Hồ Chí Minh City. */
const AT = Date.UTC(2026, 10, 27, 2, 0, 0);
const centreUpdated = { settings: {} } as never;

describe('group commit: commands of one event-loop turn share one transaction', () => {
  let dataDir: string;
  let file: string;
  let serviceId: number;
  const opened: Database[] = [];

  beforeEach(() => {
    dataDir = tempDataDir();
    ({ file, serviceId } = prepareOneServiceDatabase(dataDir));
  });

  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const open = (): Database => {
    const db = openDatabase(file);
    opened.push(db);
    return db;
  };

  describe('the runner', () => {
    let repos: Repos;
    let runner: CommandRunner;
    /** What left the runner: each publish call's events, and whether they were committed. */
    let published: string[][];

    beforeEach(() => {
      repos = createRepos(open());
      published = [];
      runner = new CommandRunner(repos, new ManualClock(AT), {
        publish: (events: readonly FeedEnvelope[]) => {
          const stored = repos.db.raw.inTransaction ? 'uncommitted' : 'committed';
          published.push(events.map((event) => `${event.payload.seq} ${stored}`));
        },
        endAccess: () => undefined,
      });
    });

    test('commits once: nothing is visible elsewhere until the group ends, then all is, published once in seq order', async () => {
      // Arrange: a second connection, as another reader of the file sees it.
      const other = open();
      const committedEvents = () => other.get<{ n: number }>('SELECT COUNT(*) AS n FROM events')!.n;
      const seenDuring: number[] = [];
      const command = (scope: string) =>
        runner.runGrouped({ scope, request: null }, (context) => {
          context.emit('centre:updated', centreUpdated);
          seenDuring.push(committedEvents());
          return scope;
        });

      // Act
      const results = await Promise.all([command('a'), command('b'), command('c')]);

      // Assert
      expect(results.map((r) => r.value)).toEqual(['a', 'b', 'c']);
      expect(seenDuring).toEqual([0, 0, 0]);
      expect(committedEvents()).toBe(3);
      expect(published).toEqual([['1 committed', '2 committed', '3 committed']]);
    });

    test('a failing command rolls back alone: its writes and events are gone, the others commit', async () => {
      // Arrange
      const ok = (scope: string) =>
        runner.runGrouped({ scope, request: null }, (context) => {
          context.emit('centre:updated', centreUpdated);
          return scope;
        });
      const failing = runner.runGrouped({ scope: 'bad', request: null }, (context) => {
        context.emit('centre:updated', centreUpdated);
        context.audit('settings.update', { staffId: null, username: 'admin', ip: null });
        context.afterCommit(() => published.push(['notice of the failed command']));
        throw new DomainError('validation_failed', 'refused after writing');
      });

      // Act
      const [first, second, third] = await Promise.allSettled([ok('a'), failing, ok('c')]);

      // Assert
      expect(first).toMatchObject({ status: 'fulfilled', value: { value: 'a' } });
      expect(second).toMatchObject({ status: 'rejected', reason: { code: 'validation_failed' } });
      expect(third).toMatchObject({ status: 'fulfilled', value: { value: 'c' } });
      expect(repos.events.since(0, 10).map((event) => event.seq)).toEqual([1, 2]);
      expect(repos.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')!.n).toBe(0);
      expect(published).toEqual([['1 committed', '2 committed']]);
    });

    test('a key used twice in one group runs once and replays its result', async () => {
      // Arrange
      let runs = 0;
      const command = () =>
        runner.runGrouped({ scope: 's', idempotencyKey: 'same', request: { n: 1 } }, (context) => {
          runs += 1;
          context.emit('centre:updated', centreUpdated);
          return runs;
        });

      // Act
      const [first, second] = await Promise.all([command(), command()]);

      // Assert
      expect(first).toEqual({ value: 1, replayed: false });
      expect(second).toEqual({ value: 1, replayed: true });
      expect(repos.events.since(0, 10)).toHaveLength(1);
    });
  });

  describe('issuing tickets', () => {
    test('two issues with the same key in one group give one ticket', async () => {
      // Arrange
      const { repos, issuer } = openChildQueue(file, AT);
      opened.push(repos.db);

      // Act
      const [first, second, other] = await Promise.all([
        issuer.issueTicketGrouped({ serviceId }, 'kiosk-key', null),
        issuer.issueTicketGrouped({ serviceId }, 'kiosk-key', null),
        issuer.issueTicketGrouped({ serviceId }, 'another-key', null),
      ]);

      // Assert
      expect([first.replayed, second.replayed, other.replayed]).toEqual([false, true, false]);
      expect(second.value).toEqual(first.value);
      expect(other.value.ticket.number).toBe('A002');
      expect(repos.db.all('SELECT number FROM tickets ORDER BY id')).toEqual([
        { number: 'A001' },
        { number: 'A002' },
      ]);
    });

    test('a crash before the group commits loses the whole group, none of it acknowledged', async () => {
      // Act: the child dies as the third issue of its group saves its key.
      const exit = await new Promise<{ signal: string | null; out: string; err: string }>(
        (resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              '--import',
              'tsx',
              path.join(ROOT, 'test/support/child-crash-mid-group.ts'),
              file,
              String(serviceId),
              String(AT),
            ],
            { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
          );
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
          child.on('error', reject);
          child.on('close', (_code, signal) => resolve({ signal, out, err }));
        },
      );
      const db = open();

      // Assert: it died inside the transaction after the first two issues' writes...
      expect(exit.signal).toBe('SIGKILL');
      expect(exit.err).toBe('');
      expect(exit.out.trim().split('\n')).toEqual([
        JSON.stringify({ inTransaction: true, tickets: 3, events: 3, idempotencyKeys: 2 }),
      ]);
      // ...no issue was acknowledged, and nothing of the group survived.
      expect(db.get('SELECT COUNT(*) AS n FROM tickets')).toEqual({ n: 0 });
      expect(db.get('SELECT COUNT(*) AS n FROM events')).toEqual({ n: 0 });
      expect(db.get('SELECT COUNT(*) AS n FROM idempotency_keys')).toEqual({ n: 0 });
      expect(db.get('SELECT COUNT(*) AS n FROM ticket_sequences')).toEqual({ n: 0 });
      expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    }, 30_000);
  });
});
