import { openDatabase, type Database } from '../../../server/src/storage/database';
import { loadMigrations, migrate } from '../../../server/src/storage/migrate';
import { at, buildReportFixture, type ReportFixture } from '../../support/report-fixture';

/**
 * Migration 016's record of where a transferred ticket was before each transfer: written by
 * triggers as a transfer happens, and filled for transfers made before it from the feed.
 */

const MINUTE = 60_000;

describe('ticket_transfers', () => {
  let fixture: ReportFixture;

  beforeAll(() => {
    fixture = buildReportFixture();
  });
  afterAll(() => fixture.close());

  test("records a transfer's call as it was, and its time from the feed event", () => {
    // T1: called by Lan at counter 1 on Monday 08:20, transferred to DD at 08:23.
    const t1 = fixture.ids.tickets[0]!;
    expect(
      fixture.db.all(
        'SELECT ticket_id, day, counter_id, staff_id, called_at, transferred_at FROM ticket_transfers',
      ),
    ).toEqual([
      {
        ticket_id: t1,
        day: '2026-03-02',
        counter_id: fixture.ids.counter1,
        staff_id: fixture.ids.lan,
        called_at: at('2026-03-02', '08:20'),
        transferred_at: at('2026-03-02', '08:23'),
      },
    ]);
  });

  test("drops the day's pack when a transfer of that day is recorded", () => {
    fixture.db.run(
      `INSERT INTO report_days (day, time_zone, start_ms, end_ms, built_at, tickets, facts, extras, format)
       VALUES ('2026-03-03', 'UTC', 0, 1, 0, 0, x'', '{}', 3)`,
    );
    fixture.db.run(
      `INSERT INTO ticket_transfers (ticket_id, day, counter_id, staff_id, called_at, transferred_at)
       VALUES (?, '2026-03-03', NULL, NULL, NULL, NULL)`,
      [fixture.ids.tickets[6]!],
    );
    expect(fixture.db.all("SELECT day FROM report_days WHERE day = '2026-03-03'")).toEqual([]);
    fixture.db.run("DELETE FROM ticket_transfers WHERE day = '2026-03-03'");
  });
});

describe('migration 016 on a database with transfers made before it', () => {
  let db: Database;
  afterEach(() => db.close());

  test('fills each transfer from the feed: the call before it, its counter, clerk and time', () => {
    db = openDatabase(':memory:');
    const migrations = loadMigrations();
    const before = migrations.findIndex((m) => m.name === 'ticket_transfers');
    expect(before).toBeGreaterThan(0);
    migrate(db, migrations.slice(0, before));
    db.run("INSERT INTO services (id, code, name, prefix) VALUES (1, 'HT', 'Hộ tịch', 'A')");
    db.run("INSERT INTO services (id, code, name, prefix) VALUES (2, 'DD', 'Đất đai', 'B')");
    db.run("INSERT INTO counters (id, number, name) VALUES (4, 4, 'Bốn'), (5, 5, 'Năm')");
    const ticket = (id: number, transfers: number) =>
      db.run(
        `INSERT INTO tickets (id, service_id, original_service_id, day, sequence, number, status,
           issued_at, tracking_token, transfer_count) VALUES (?, ?, 1, '2026-03-02', ?, ?, 'done', 0, ?, ?)`,
        [id, transfers > 0 ? 2 : 1, id, `A00${id}`, `token-${id}`, transfers],
      );
    // Ticket 1: called at counter 4 by staff 7 at minute 10, transferred at 14, called at
    // counter 5 at 20, transferred back at 25, called again at 30. Ticket 2, never
    // transferred, is called in between and left out.
    ticket(1, 2);
    ticket(2, 0);
    const event = (
      minute: number,
      type: string,
      ticketId: number,
      counter: number,
      staff: number,
    ) =>
      db.run('INSERT INTO events (at, type, payload) VALUES (?, ?, ?)', [
        minute * MINUTE,
        type,
        JSON.stringify({
          ticket: { id: ticketId },
          counter: { id: counter, staff: { id: staff, displayName: 'x' } },
        }),
      ]);
    event(10, 'ticket:called', 1, 4, 7);
    event(12, 'ticket:called', 2, 5, 8);
    event(14, 'ticket:transferred', 1, 4, 7);
    event(20, 'ticket:called', 1, 5, 8);
    event(25, 'ticket:transferred', 1, 5, 8);
    event(30, 'ticket:called', 1, 4, 7);

    migrate(db, migrations);

    expect(
      db.all(
        `SELECT ticket_id, day, counter_id, staff_id, called_at, transferred_at
         FROM ticket_transfers ORDER BY id`,
      ),
    ).toEqual([
      {
        ticket_id: 1,
        day: '2026-03-02',
        counter_id: 4,
        staff_id: 7,
        called_at: 10 * MINUTE,
        transferred_at: 14 * MINUTE,
      },
      {
        ticket_id: 1,
        day: '2026-03-02',
        counter_id: 5,
        staff_id: 8,
        called_at: 20 * MINUTE,
        transferred_at: 25 * MINUTE,
      },
    ]);
    // The migration's working table is gone.
    expect(db.all("SELECT name FROM sqlite_temp_master WHERE name LIKE 'moves%'")).toEqual([]);
  });
});
