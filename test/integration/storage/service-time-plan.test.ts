import { recordingQueries } from '../../support/sql-spy';
import type { Params } from '../../../server/src/storage/database';
import { TicketRepo } from '../../../server/src/storage/ticket-repo';
import { useTwoServiceDb } from '../../support/two-service-db';

const MINUTE = 60_000;
const DAY_START = Date.UTC(2026, 0, 5, 1, 0, 0);

/**
 * The issue path's service-time estimate reads a service's last 20 finished tickets. On
 * ten years of history (≈300,000 done tickets a service) a plan that finds them all and
 * sorts them costs 0.2–0.6 s per ticket issued; migration 013's index makes it O(limit).
 */
describe('the service-time estimate on a long history', () => {
  const store = useTwoServiceDb();

  /** Days `first`…`first + days - 1` of `perDay` done tickets, each served for `minutes`. */
  function history(
    serviceId: number,
    days: number,
    perDay: number,
    minutes: number,
    first = 0,
  ): void {
    store.db.transaction(() => {
      for (let d = first; d < first + days; d++) {
        const day = new Date(DAY_START + d * 86_400_000).toISOString().slice(0, 10);
        for (let i = 1; i <= perDay; i++) {
          const servingAt = DAY_START + d * 86_400_000 + i * MINUTE;
          store.db.run(
            `INSERT INTO tickets (service_id, day, sequence, number, status, issued_at,
               serving_at, finished_at, tracking_token, original_service_id)
             VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?, ?)`,
            [
              serviceId,
              day,
              i,
              `${serviceId}-${i}`,
              servingAt - MINUTE,
              servingAt,
              servingAt + minutes * MINUTE,
              `t-${serviceId}-${d}-${i}`,
              serviceId,
            ],
          );
        }
      }
    });
  }

  /** The repo's query for `serviceId`, with the SQL it ran. */
  function estimate(serviceId: number): { mean: number | null; sql: string; params: Params } {
    const recorded = recordingQueries(store.db, 'get');
    const mean = new TicketRepo(recorded.db).meanServiceMinutes(serviceId);
    return { mean, ...recorded.last() };
  }

  test('reads the service’s last finished tickets through the index, with no scan or sort', () => {
    // Arrange: 30 days of 100 done tickets a service; the other service's are longer.
    history(store.serviceA, 30, 100, 4);
    history(store.serviceB, 30, 100, 9);

    // Act
    const { sql, params } = estimate(store.serviceA);
    const plan = store.db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
      .map((row) => row.detail);

    // Assert
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH tickets USING INDEX tickets_service_done \(service_id=\?\)/),
    );
    expect(plan.join('\n')).not.toMatch(/SCAN tickets|TEMP B-TREE/);
  });

  test('averages only the latest 20 finished tickets of the service', () => {
    // Arrange: four days of 30-minute services, then the latest 20 of A took 4, of B 9.
    history(store.serviceA, 4, 100, 30);
    history(store.serviceB, 4, 100, 30);
    history(store.serviceA, 1, 20, 4, 4);
    history(store.serviceB, 1, 20, 9, 4);

    // Act
    const a = estimate(store.serviceA).mean;
    const b = estimate(store.serviceB).mean;

    // Assert
    expect(a).toBeCloseTo(4, 9);
    expect(b).toBeCloseTo(9, 9);
  });
});
