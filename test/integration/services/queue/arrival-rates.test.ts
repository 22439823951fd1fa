import { randomUUID } from 'node:crypto';
import { ServiceTimes } from '../../../../server/src/services/queue/service-times';
import { createRepos } from '../../../../server/src/storage/repos';
import { useTwoServiceDb } from '../../../support/two-service-db';

const MINUTE = 60_000;
const ZONE = 'Asia/Ho_Chi_Minh';
// 2026-11-27 09:00 in Hồ Chí Minh City.
const NINE = Date.UTC(2026, 10, 27, 2);

describe('ServiceTimes.arrivalRates()', () => {
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
});
