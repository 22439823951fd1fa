import type { SegmentClock, SteppedClock } from './clock';

interface Entry {
  at: number;
  /** The actor's lane, then its own order: ties at one instant never depend on timing. */
  lane: number;
  order: number;
  run: () => void | Promise<void>;
}

/** What an actor schedules its work on (one lane of the scheduler). */
export interface Timeline {
  /** Simulated now. */
  now(): number;
  /** Runs `run` when the simulated clock reads `at` (at once if it already has). */
  at(at: number, run: () => void | Promise<void>): void;
  /** Runs `run` after `ms` simulated milliseconds. */
  after(ms: number, run: () => void | Promise<void>): void;
}

/** What the stepped clock needs from the run (scripts/simulate/run.ts). */
export interface StepDriver {
  /**
   * Sets the server's clock (and the simulator's) to `at`, and resolves once what the
   * server's own timers emitted then has reached the actors' sockets.
   */
  advance(at: number): Promise<void>;
  /** The next instant a server timer needs the clock to stop at (a boundary of the day). */
  nextServerTimer(): number | null;
  /** Changes whenever a request is sent: a task that sent none has nothing to settle. */
  activity(): number;
  /** Resolves once every feed event emitted so far has reached the actors' sockets. */
  settle(): Promise<void>;
}

/**
 * Runs tasks at instants of the simulated clock, in one of two modes (docs/simulation.md).
 *
 * **Stepped** (with a `StepDriver`): the clock is frozen. `idle()` runs the earliest task,
 * waits until it has settled (its requests answered, the feed events they caused received
 * by the actors' sockets, the tasks those events scheduled queued), then the next one; the
 * clock moves (server first) only when no task is due at the current instant. Tasks run
 * one at a time, so two due at the same instant reach the server in the scheduler's order
 * and not in whichever order the machine's timing lets them: the same seed gives the
 * same day.
 *
 * **Accelerated**: one wall-clock timer for the earliest task, the clock running on; tasks
 * due together start together.
 *
 * A binary heap orders the tasks by instant, then lane (one per actor, numbered in the
 * order they were made), then the order the lane scheduled them in. A task's promise is
 * kept until it settles, so `idle()` knows when the day's work is done; a task that throws
 * is recorded in `errors`, not thrown.
 */
export class Scheduler implements Timeline {
  private readonly heap: Entry[] = [];
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private lanes = 0;
  private readonly orders: number[] = [0];
  readonly errors: string[] = [];

  constructor(
    private readonly clock: SegmentClock | SteppedClock,
    private readonly driver: StepDriver | null = null,
  ) {}

  /** Simulated now. */
  now(): number {
    return this.clock.now();
  }

  /** A lane of its own for one actor (a clerk, the kiosks). */
  lane(): Timeline {
    const lane = ++this.lanes;
    this.orders[lane] = 0;
    return {
      now: () => this.now(),
      at: (at, run) => this.add(lane, at, run),
      after: (ms, run) => this.add(lane, this.now() + ms, run),
    };
  }

  at(at: number, run: () => void | Promise<void>): void {
    this.add(0, at, run);
  }

  after(ms: number, run: () => void | Promise<void>): void {
    this.add(0, this.now() + ms, run);
  }

  private add(lane: number, at: number, run: () => void | Promise<void>): void {
    const order = this.orders[lane] ?? 0;
    this.orders[lane] = order + 1;
    this.push({ at, lane, order, run });
    if (!this.driver) this.arm();
  }

  /** Runs (stepped) or waits for (accelerated) every task, until none is left. */
  async idle(): Promise<void> {
    if (this.driver) return this.step(this.driver);
    for (;;) {
      if (this.running.size > 0) await Promise.race(this.running);
      else if (this.heap.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      else return;
    }
  }

  /** Forgets what is scheduled (the run is over or failed). */
  clear(): void {
    this.heap.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async step(driver: StepDriver): Promise<void> {
    for (;;) {
      const head = this.heap[0];
      if (!head) return;
      const now = this.now();
      if (head.at > now) {
        const timer = driver.nextServerTimer();
        await driver.advance(timer !== null && timer > now && timer < head.at ? timer : head.at);
        continue;
      }
      const activity = driver.activity();
      await this.execute(this.pop());
      if (driver.activity() !== activity) await driver.settle().catch((e) => this.record(e));
    }
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const head = this.heap[0];
    if (!head) {
      this.timer = null;
      return;
    }
    const clock = this.clock as SegmentClock;
    this.timer = setTimeout(() => this.fire(), clock.wallDelayUntil(head.at));
  }

  private fire(): void {
    this.timer = null;
    const now = this.now();
    while (this.heap.length > 0 && (this.heap[0] as Entry).at <= now) void this.execute(this.pop());
    this.arm();
  }

  private execute(entry: Entry): Promise<void> {
    const task = Promise.resolve()
      .then(entry.run)
      .catch((error: unknown) => this.record(error))
      .finally(() => this.running.delete(task));
    this.running.add(task);
    return task;
  }

  private record(error: unknown): void {
    if (this.errors.length < 20)
      this.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent] as Entry)) break;
      heap[i] = heap[parent] as Entry;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0] as Entry;
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child =
          right < heap.length && before(heap[right] as Entry, heap[left] as Entry) ? right : left;
        if (!before(heap[child] as Entry, last)) break;
        heap[i] = heap[child] as Entry;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.lane !== b.lane) return a.lane < b.lane;
  return a.order < b.order;
}
