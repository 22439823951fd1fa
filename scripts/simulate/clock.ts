import { performance } from 'node:perf_hooks';

/**
 * One stretch of the accelerated clock: at wall instant `wallBase` (epoch ms, high
 * resolution) the simulated clock reads `simBase`, and it runs `speed` times as fast as
 * the wall clock from there. The simulator and the server's process compute the same
 * reading from the same segment, each with its own wall clock (the machine's, read through
 * `performance`), so they agree to within a fraction of a millisecond of wall time.
 */
export interface ClockSegment {
  simBase: number;
  wallBase: number;
  speed: number;
}

/** The machine's clock in epoch milliseconds, with sub-millisecond resolution. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The server's injected clock (and the simulator's view of it): piecewise, each segment
 * running at its own speed; a new segment jumps it forward (over a night, say). Never runs
 * backwards, even if a segment would start slightly behind the last reading.
 */
export class SegmentClock implements SimClock {
  private last = 0;

  constructor(private segment: ClockSegment) {}

  /** Epoch milliseconds on the simulated clock. */
  now(): number {
    const { simBase, wallBase, speed } = this.segment;
    const reading = Math.floor(simBase + (wallNow() - wallBase) * speed);
    if (reading > this.last) this.last = reading;
    return this.last;
  }

  /** The current segment's speed (simulated ms per wall ms). */
  get speed(): number {
    return this.segment.speed;
  }

  /** Starts a new segment. */
  set(segment: ClockSegment): void {
    this.segment = segment;
  }

  /** Wall milliseconds until the clock reads `simAt` (0 when it already has). */
  wallDelayUntil(simAt: number): number {
    return Math.max(0, (simAt - this.now()) / this.segment.speed);
  }
}

/** What the simulator reads the simulated time from, in either clock mode. */
export interface SimClock {
  /** Epoch milliseconds on the simulated clock. */
  now(): number;
}

/**
 * The stepped clock (`--clock stepped`, the default): frozen at one instant until the
 * simulator sets the next one, in the server's process and in the simulator alike. Set only
 * forwards.
 */
export class SteppedClock implements SimClock {
  constructor(private at: number) {}

  now(): number {
    return this.at;
  }

  /** Moves the clock to `at` (never back). */
  set(at: number): void {
    if (at > this.at) this.at = at;
  }
}
