import { facts, HOURS, MONDAY, run } from './day-facts';

/** Clerks' paused and idle time, added up from facts written by hand. */
describe("clerks' busy time counts only tickets the counter finished", () => {
  test('a ticket called and left open until it expired at night is not busy time', () => {
    // Shift 08:00–12:00 (240). Called 09:00, never finished: expired at 23:59.
    const { total } = run(
      facts([{ status: 'expired', called: '09:00', finished: '23:59' }], [['08:00', '12:00']]),
    );
    // Idle 240: not 240 − (23:59 − 09:00), clamped to 0.
    expect(total.idleMinutes).toBe(240);
  });

  test('done, no-show and a cancel after a call are busy; a cancel never called is not', () => {
    const { total } = run(
      facts(
        [
          { status: 'done', called: '08:10', serving: '08:11', finished: '08:20' }, // 10
          { status: 'no_show', called: '09:00', finished: '09:03' }, // 3
          { status: 'cancelled', called: '10:00', finished: '10:05' }, // 5
          { status: 'cancelled', finished: '10:30' },
        ],
        [['08:00', '12:00']],
      ),
    );
    expect(total.idleMinutes).toBe(240 - 10 - 3 - 5);
  });

  test('a ticket served during a pause is counted once: idle is the shift outside their union', () => {
    // Pause 10:00–10:30, ticket 10:20–10:40: occupied 10:00–10:40 = 40, not 30 + 20 = 50.
    const { rows, total } = run(
      facts(
        [{ status: 'done', called: '10:20', serving: '10:21', finished: '10:40' }],
        [['08:00', '12:00']],
        [['10:00', '10:30']],
      ),
    );
    expect(total.pausedMinutes).toBe(30);
    expect(total.idleMinutes).toBe(240 - 40);
    expect(rows.map((r) => [r.key, r.idleMinutes])).toEqual([['1', 200]]);
  });
});

describe("clerks' time counts only while the centre is open", () => {
  test('a clerk who never signs out is not idle through lunch and the night', () => {
    // Signed in 07:00 and never out (the shift runs to midnight); a lunch pause 12:10–12:50.
    const { total } = run(facts([], [['07:00', '24:00']], [['12:10', '12:50']]));
    // Open 08:00–12:00 and 13:00–17:00: 240 + 240; the pause fell while closed.
    expect(total.idleMinutes).toBe(480);
    expect(total.pausedMinutes).toBe(0);
  });

  test('by hour: nothing before opening, through lunch or after closing', () => {
    const { rows } = run(facts([], [['07:00', '24:00']]), { groupBy: 'hour' });
    expect(rows.map((r) => [r.key, r.idleMinutes])).toEqual(
      ['08', '09', '10', '11', '13', '14', '15', '16'].map((h) => [h, 60]),
    );
  });

  test('a holiday and a closed weekday count no paused or idle time', () => {
    const holiday = { ...HOURS, holidays: [MONDAY] };
    const onHoliday = run(facts([], [['08:00', '12:00']], [['09:00', '09:30']]), {
      opening: holiday,
    });
    expect([onHoliday.total.pausedMinutes, onHoliday.total.idleMinutes]).toEqual([0, 0]);
    // Sunday 1 March: no hours.
    const sunday = run(facts([], [['08:00', '12:00']], [], '2026-03-01'));
    expect(sunday.total.idleMinutes).toBe(0);
  });
});
