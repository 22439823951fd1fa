import { randomUUID } from 'node:crypto';
import { ServiceTimes } from '../../../../server/src/services/queue/service-times';
import { createRepos } from '../../../../server/src/storage/repos';
import { useTwoServiceDb } from '../../../support/two-service-db';

const MINUTE = 60_000;
const ZONE = 'Asia/Ho_Chi_Minh';
// 2026-11-27 09:00 in Hồ Chí Minh City.
const NINE = Date.UTC(2026, 10, 27, 2);

describe('ServiceTimes: arrival rates and turnaround', () => {
  const t = useTwoServiceDb();
  let sequence = 0;
  const issue = (serviceId: number, at: number, priority = false, day = '2026-11-27') => {
    sequence += 1;
    t.db.run(
      `INSERT INTO tickets (service_id, day, sequence, number, priority_class, status, issued_at,
         recall_count, tracking_token, front, original_service_id, transfer_count)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?, 0, ?, 0, ?, 0)`,
      [
        serviceId,
        day,
        sequence,
        `X${sequence}`,
        priority ? 'elderly' : null,
        at,
        randomUUID(),
        serviceId,
      ],
    );
  };

  test('count today’s tickets of the last 30 minutes per service and group, new ones as they come', () => {
    let now = NINE;
    const times = new ServiceTimes(createRepos(t.db), { now: () => now }, () => ZONE);
    // Yesterday's tickets and those older than the window do not count.
    issue(t.serviceA, NINE - 24 * 60 * MINUTE, false, '2026-11-26');
    issue(t.serviceA, NINE - 60 * MINUTE);
    for (const ago of [25, 20, 10, 5]) issue(t.serviceA, NINE - ago * MINUTE);
    issue(t.serviceA, NINE - 4 * MINUTE, true);
    // First ticket of the day an hour ago: divided by the whole window.
    let rate = times.arrivalRates();
    expect(rate(t.serviceA, false)).toBeCloseTo(4 / 30, 9);
    expect(rate(t.serviceA, true)).toBeCloseTo(1 / 30, 9);
    expect(rate(t.serviceB, false)).toBe(0);
    // A minute later two more come; the one of 25 minutes ago is still in.
    now = NINE + MINUTE;
    issue(t.serviceB, now);
    issue(t.serviceB, now, true);
    rate = times.arrivalRates();
    expect(rate(t.serviceB, false)).toBeCloseTo(1 / 30, 9);
    expect(rate(t.serviceB, true)).toBeCloseTo(1 / 30, 9);
    // Six minutes on, the one of 25 minutes ago has left the window.
    now = NINE + 6 * MINUTE;
    expect(times.arrivalRates()(t.serviceA, false)).toBeCloseTo(3 / 30, 9);
  });

  test('early in the day the count is divided by at least 10 minutes', () => {
    let now = NINE;
    const times = new ServiceTimes(createRepos(t.db), { now: () => now }, () => ZONE);
    expect(times.arrivalRates()(t.serviceA, false)).toBe(0);
    issue(t.serviceA, NINE);
    issue(t.serviceA, NINE);
    now = NINE + 2 * MINUTE;
    expect(times.arrivalRates()(t.serviceA, false)).toBeCloseTo(2 / 10, 9);
    now = NINE + 15 * MINUTE;
    expect(times.arrivalRates()(t.serviceA, false)).toBeCloseTo(2 / 15, 9);
  });

  test('a visit includes the clerk’s turnaround: finish to the next call of a ticket already waiting', () => {
    const now = NINE + 60 * MINUTE;
    const counter = Number(
      t.db.run("INSERT INTO counters (number, name) VALUES (1, 'Quầy 1')").lastInsertRowid,
    );
    const visit = (issued: number, called: number, finished: number) => {
      sequence += 1;
      t.db.run(
        `INSERT INTO tickets (service_id, day, sequence, number, status, counter_id, issued_at,
           called_at, finished_at, recall_count, tracking_token, front, original_service_id,
           transfer_count)
         VALUES (?, '2026-11-27', ?, ?, 'no_show', ?, ?, ?, ?, 0, ?, 0, ?, 0)`,
        [
          t.serviceA,
          sequence,
          `N${sequence}`,
          counter,
          issued,
          called,
          finished,
          randomUUID(),
          t.serviceA,
        ],
      );
    };
    const at = (minutes: number) => NINE + minutes * MINUTE;
    const times = new ServiceTimes(createRepos(t.db), { now: () => now }, () => ZONE);
    // Before any data: the default 10 min, the walk's 0.5 and the turnaround's 0.1.
    expect(times.visits()(t.serviceA, null, 10)).toBeCloseTo(10.6, 9);
    visit(at(-2), at(0), at(5));
    // Waiting since 8:58 when the first ended at 9:05: called 0.5 min later.
    visit(at(-2), at(5.5), at(8));
    // Issued after the previous one ended: an idle counter's wait, not counted.
    visit(at(9), at(9.1), at(9.2));
    // Waiting since 9:00: called 0.2 min after 9:09.2.
    visit(at(0), at(9.4), at(12));
    // Two turnarounds of 0.5 and 0.2: (2 × 0.35 + 5 × 0.1) / 7 (read again on a new instance).
    const fresh = new ServiceTimes(createRepos(t.db), { now: () => now }, () => ZONE);
    expect(fresh.visits()(t.serviceA, null, 10)).toBeCloseTo(10.5 + 1.2 / 7, 9);
  });
});
