import { recordingQueries } from '../../support/sql-spy';
import { TicketRepo } from '../../../server/src/storage/ticket-repo';
import { useTwoServiceDb } from '../../support/two-service-db';

const DAY_START = Date.UTC(2026, 0, 5, 1, 0, 0);

/**
 * Every command asks which tickets of earlier days are still open (the day end). Walking
 * every open ticket made each issue cost more as the queue grew; the partial index of
 * migration 017 holds open tickets only, so the check reads the stale ones and no other.
 */
describe('the day end check inside every command', () => {
  const store = useTwoServiceDb();

  /** `count` tickets of `day` in `status`, numbered from `first`. */
  function tickets(day: string, status: string, count: number, first = 1): void {
    store.db.transaction(() => {
      for (let i = first; i < first + count; i++) {
        store.db.run(
          `INSERT INTO tickets (service_id, day, sequence, number, status, issued_at,
             tracking_token, original_service_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [store.serviceA, day, i, `A${i}`, status, DAY_START + i, `t-${day}-${i}`, store.serviceA],
        );
      }
    });
  }

  /** The repo's answer for `today`, with the SQL it ran. */
  function openBefore(today: string) {
    const recorded = recordingQueries(store.db, 'all');
    const stale = new TicketRepo(recorded.db).openBefore(today);
    return { stale, ...recorded.last() };
  }

  test('searches the open tickets’ index by day, not every waiting ticket', () => {
    // Arrange: a long closed history and a queue of 500 waiting today.
    tickets('2026-01-04', 'done', 2000);
    tickets('2026-01-05', 'waiting', 500);

    // Act
    const { sql, params } = openBefore('2026-01-05');
    const plan = store.db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
      .map((row) => row.detail);

    // Assert
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH tickets USING INDEX tickets_open_day \(day<\?\)/),
    );
    expect(plan.join('\n')).not.toMatch(/SCAN tickets|tickets_waiting/);
  });

  test('answers the open tickets of earlier days, whatever their status, and no others', () => {
    // Arrange
    tickets('2026-01-03', 'waiting', 2, 1);
    tickets('2026-01-03', 'done', 2, 3);
    tickets('2026-01-04', 'called', 1, 1);
    tickets('2026-01-04', 'serving', 1, 2);
    tickets('2026-01-04', 'parked', 1, 3);
    tickets('2026-01-04', 'no_show', 1, 4);
    tickets('2026-01-05', 'waiting', 3, 1);

    // Act
    const { stale } = openBefore('2026-01-05');

    // Assert
    expect(stale.map((t) => [t.day, t.status])).toEqual([
      ['2026-01-03', 'waiting'],
      ['2026-01-03', 'waiting'],
      ['2026-01-04', 'called'],
      ['2026-01-04', 'serving'],
      ['2026-01-04', 'parked'],
    ]);
  });
});
