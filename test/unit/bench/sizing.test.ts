import { countersFor, erlangC, peakHourShare, staffing } from '../../../bench/sizing';

/** Erlang C by its closed form, for small c: the recurrence in sizing.ts must agree. */
function erlangCDirect(c: number, load: number): number {
  let sum = 0;
  let term = 1; // load^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * load) / (k + 1);
  }
  const top = term * (c / (c - load)); // load^c / c! · c/(c − load)
  return top / (sum + top);
}

describe('bench/sizing.ts (Erlang C)', () => {
  it('gives the textbook probability of waiting', () => {
    // M/M/3 at 2 Erlangs: P(wait) = 4/9; M/M/1: P(wait) = ρ.
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 10);
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 10);
    expect(erlangC(2, 2)).toBe(1);
  });

  it('matches the closed form for many loads and counters', () => {
    for (const c of [1, 2, 5, 10, 20])
      for (const utilisation of [0.3, 0.6, 0.9, 0.99])
        expect(erlangC(c, c * utilisation)).toBeCloseTo(erlangCDirect(c, c * utilisation), 9);
  });

  it('derives the mean wait and the share within the target from C', () => {
    // 60 arrivals an hour, 2-minute service, 3 counters: λ = 1/min, μ = 0.5/min, A = 2.
    const s = staffing(3, 60, 2, 1);
    expect(s.meanWait).toBeCloseTo(4 / 9 / 0.5, 10);
    expect(s.withinTarget).toBeCloseTo(1 - (4 / 9) * Math.exp(-0.5), 10);
    expect(s.utilisation).toBeCloseTo(2 / 3, 10);
  });

  it('picks the fewest counters that meet the level', () => {
    const s = countersFor(166, 10, 15, 0.8);
    expect(s.withinTarget).toBeGreaterThanOrEqual(0.8);
    expect(staffing(s.counters - 1, 166, 10, 15).withinTarget).toBeLessThan(0.8);
  });

  it('takes the peak hour from the seeded arrival profile', () => {
    const share = peakHourShare();
    // 7.5 opening hours: more than the average hour's 13.3 %, less than a third of the day.
    expect(share).toBeGreaterThan(1 / 7.5);
    expect(share).toBeLessThan(1 / 3);
  });
});
