import type { SegmentClock } from './clock';

interface Entry {
  at: number;
  order: number;
  run: () => void | Promise<void>;
}

/**
 * Runs tasks at instants of the simulated clock, with one wall-clock timer for the
 * earliest (a binary heap orders them; equal instants run in the order they were
 * scheduled). A task's promise is kept until it settles, so `idle()` knows when the day's
 * work is done; a task that throws is recorded in `errors`, not thrown.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private order = 0;
  readonly errors: string[] = [];

  constructor(private readonly clock: SegmentClock) {}

  /** Simulated now. */
  now(): number {
    return this.clock.now();
  }

  /** Runs `run` when the simulated clock reads `at` (at once if it already has). */
  at(at: number, run: () => void | Promise<void>): void {
    this.push({ at, order: this.order++, run });
    this.arm();
  }

  /** Runs `run` after `ms` simulated milliseconds. */
  after(ms: number, run: () => void | Promise<void>): void {
    this.at(this.now() + ms, run);
  }

  /** Resolves once nothing is scheduled and nothing is running. */
  async idle(): Promise<void> {
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

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const head = this.heap[0];
    if (!head) {
      this.timer = null;
      return;
    }
    this.timer = setTimeout(() => this.fire(), this.clock.wallDelayUntil(head.at));
  }

  private fire(): void {
    this.timer = null;
    const now = this.now();
    while (this.heap.length > 0 && (this.heap[0] as Entry).at <= now) {
      const entry = this.pop();
      const task = Promise.resolve()
        .then(entry.run)
        .catch((error: unknown) => {
          if (this.errors.length < 20)
            this.errors.push(
              error instanceof Error ? (error.stack ?? error.message) : String(error),
            );
        })
        .finally(() => this.running.delete(task));
      this.running.add(task);
    }
    this.arm();
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
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
