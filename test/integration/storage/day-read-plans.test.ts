import { recordingQueries, type SeenQuery } from '../../support/sql-spy';
import type { Params } from '../../../server/src/storage/database';
import { TicketRepo } from '../../../server/src/storage/ticket-repo';
import { useTwoServiceDb } from '../../support/two-service-db';

/**
 * Reads of one day's tickets must find that day through `tickets_day`. Without statistics
 * SQLite preferred an index on status or counter and walked every day's done tickets: on
 * ten years of history the estimate's first read of the day's visits took 1.5 s inside an
 * issue, and a counter's list of the day's tickets walked all of that counter's years.
 */
describe('reads of one day’s tickets use the day index', () => {
  const store = useTwoServiceDb();

  /** The SQL `read` runs through the repo, with its parameters. */
  function queryOf(read: (repo: TicketRepo) => unknown): SeenQuery {
    const recorded = recordingQueries(store.db, 'all');
    read(new TicketRepo(recorded.db));
    return recorded.last();
  }

  const planOf = ({ sql, params }: { sql: string; params: Params }) =>
    store.db
      .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
      .map((row) => row.detail)
      .join('\n');

  test('the day’s finished visits per service and clerk (the estimate’s service times)', () => {
    const plan = planOf(queryOf((repo) => repo.dayVisitTallies('2026-12-01')));
    expect(plan).toMatch(/SEARCH tickets USING INDEX tickets_day \(day=\? AND status=\?\)/);
  });

  test('a counter’s list of the day’s tickets', () => {
    const plan = planOf(queryOf((repo) => repo.listByStatus('2026-12-01', ['done', 'no_show'], 3)));
    expect(plan).toMatch(/SEARCH tickets USING INDEX tickets_day \(day=\? AND status=\?\)/);
    expect(plan).not.toMatch(/tickets_counter|tickets_waiting/);
  });
});
