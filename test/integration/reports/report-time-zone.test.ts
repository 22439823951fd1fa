import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PROBE = path.resolve(__dirname, '../../support/report-day-probe.ts');
const TSX = require.resolve('tsx/cli');

/** The probe's answer under the machine time zone `tz`. */
function probeUnder(tz: string): {
  offsetMinutes: number;
  days: [string, number][];
  daysFromPacks: [string, number][];
  hours: [string, number][];
} {
  const out = execFileSync(process.execPath, [TSX, PROBE], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe("report days are the centre's days, whatever the machine's zone", () => {
  // New York is UTC−5 in March, Kiritimati UTC+14: both far from the centre's UTC+7.
  test.each([
    ['America/New_York', 300],
    ['Pacific/Kiritimati', -840],
  ])(
    'under TZ=%s, 23:59 and 00:01 centre time fall on their own days',
    (tz, offset) => {
      const answer = probeUnder(tz);

      expect(answer.offsetMinutes).toBe(offset);
      // Monday: T1–T5 and T6 at 23:59 → 6; Tuesday: T7 at 00:01 → 1; Wednesday T8; today T9.
      const expected = [
        ['2026-03-02', 6],
        ['2026-03-03', 1],
        ['2026-03-04', 1],
        ['2026-03-05', 1],
      ];
      expect(answer.days).toEqual(expected);
      expect(answer.daysFromPacks).toEqual(expected);
      // T7 at hour 00, T1 T2 T3 T8 T9 at 08, T4 T5 at 10, T6 at 23.
      expect(answer.hours).toEqual([
        ['00', 1],
        ['08', 5],
        ['10', 2],
        ['23', 1],
      ]);
    },
    60_000,
  );
});
