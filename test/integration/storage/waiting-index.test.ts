import { randomUUID } from 'node:crypto';
import { CommandRunner } from '../../../server/src/services/core/command-runner';
import { createRepos, type Repos } from '../../../server/src/storage/repos';
import { useTwoServiceDb } from '../../support/two-service-db';

/** The waiting tickets as SQL sees them, in the index's shape, by id. */
function fromSql(repos: Repos): unknown[] {
  return repos.db
    .all<{
      id: number;
      service_id: number;
      priority_class: string | null;
      issued_at: number;
      front: number;
      target_counter_id: number | null;
    }>(
      `SELECT id, service_id, priority_class, issued_at, front, target_counter_id FROM tickets
       WHERE status = 'waiting' ORDER BY id`,
    )
    .map((row) => ({
      id: row.id,
      serviceId: row.service_id,
      priorityClass: row.priority_class,
      issuedAt: row.issued_at,
      front: row.front === 1,
      targetCounterId: row.target_counter_id,
    }));
}

/** The index's lists, each checked sorted, flattened by id; and its counts. */
function fromIndex(repos: Repos, serviceIds: number[], counterIds: number[]): unknown[] {
  const index = repos.tickets.waiting;
  const seen: { id: number }[] = [];
  for (const priority of [true, false])
    for (const front of [true, false]) {
      const lists = [
        ...serviceIds.map((id) => index.ofService(id, priority, front)),
        ...counterIds.map((id) => index.sentTo(id, priority, front)),
      ];
      for (const list of lists) {
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1]!, list[i]!];
          expect(a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.id < b.id)).toBe(true);
        }
        seen.push(...list);
      }
    }
  return seen.sort((a, b) => a.id - b.id).map((entry) => ({ ...entry }));
}

describe('the in-memory waiting index', () => {
  const t = useTwoServiceDb();

  test('matches SQL after random issues, calls, transfers, returns and cancels, with rollbacks', () => {
    const repos = createRepos(t.db);
    let now = Date.UTC(2026, 10, 27, 2);
    const runner = new CommandRunner(
      repos,
      { now: () => now },
      { publish: () => undefined, endAccess: () => undefined },
    );
    const counterIds = [1, 2].map((n) =>
      Number(
        t.db.run('INSERT INTO counters (number, name) VALUES (?, ?)', [n, `Quầy ${n}`])
          .lastInsertRowid,
      ),
    );
    const services = [t.serviceA, t.serviceB];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let sequence = 0;
    const insert = () => {
      sequence += 1;
      const serviceId = pick(services);
      t.db.run(
        `INSERT INTO tickets (service_id, day, sequence, number, priority_class, status, issued_at,
           recall_count, tracking_token, front, original_service_id, transfer_count)
         VALUES (?, '2026-11-27', ?, ?, ?, 'waiting', ?, 0, ?, 0, ?, 0)`,
        [
          serviceId,
          sequence,
          `X${sequence}`,
          random() < 0.2 ? 'elderly' : null,
          now - Math.floor(random() * 5) * 1000,
          randomUUID(),
          serviceId,
        ],
      );
    };
    const anyTicket = () =>
      t.db.get<{ id: number }>('SELECT id FROM tickets ORDER BY random() LIMIT 1')?.id ?? 0;
    const change = () => {
      const id = anyTicket();
      switch (pick(['call', 'cancel', 'transfer', 'send', 'return', 'requeue'])) {
        case 'call':
          t.db.run("UPDATE tickets SET status = 'called', counter_id = ? WHERE id = ?", [
            pick(counterIds),
            id,
          ]);
          break;
        case 'cancel':
          t.db.run("UPDATE tickets SET status = 'cancelled' WHERE id = ?", [id]);
          break;
        case 'transfer':
          t.db.run(
            "UPDATE tickets SET status = 'waiting', service_id = ?, front = 1 WHERE id = ?",
            [pick(services), id],
          );
          break;
        case 'send':
          t.db.run("UPDATE tickets SET status = 'waiting', target_counter_id = ? WHERE id = ?", [
            pick(counterIds),
            id,
          ]);
          break;
        case 'return':
          t.db.run(
            "UPDATE tickets SET status = 'waiting', front = 1, target_counter_id = NULL WHERE id = ?",
            [id],
          );
          break;
        default:
          t.db.run("UPDATE tickets SET status = 'waiting', front = 0 WHERE id = ?", [id]);
      }
    };
    const command = (fail: boolean, body: () => void) => {
      try {
        runner.run({ scope: 'test', request: null }, () => {
          body();
          if (fail) throw new Error('rolled back');
        });
      } catch (error) {
        if (!fail) throw error;
      }
    };

    for (let step = 0; step < 400; step++) {
      now += 1000;
      const kind = random();
      const fail = random() < 0.3;
      if (kind < 0.35) command(fail, () => insert());
      else if (kind < 0.7) command(fail, () => change());
      else if (kind < 0.8)
        // A nested command that fails inside one that commits: only its savepoint goes.
        command(false, () => {
          change();
          command(true, () => {
            insert();
            change();
          });
          change();
        });
      else if (kind < 0.9) {
        // Outside any command: straight SQL, and a plain transaction that rolls back.
        if (random() < 0.5) change();
        else
          try {
            t.db.transaction(() => {
              insert();
              throw new Error('rolled back');
            });
          } catch {
            // expected
          }
      } else t.db.run("UPDATE tickets SET status = 'expired' WHERE id = ?", [anyTicket()]);
      expect(fromIndex(repos, services, counterIds)).toEqual(fromSql(repos));
      const counts = new Map<number, number>();
      for (const row of fromSql(repos) as { serviceId: number }[])
        counts.set(row.serviceId, (counts.get(row.serviceId) ?? 0) + 1);
      expect(new Map(repos.tickets.waitingCounts())).toEqual(counts);
    }
  });
});
