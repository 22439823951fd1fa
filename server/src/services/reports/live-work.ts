/**
 * How many live requests (a ticket issued, a call, a screen's page: anything but reports)
 * the main thread is serving right now, and when the last one ended, in memory shared
 * with the report thread, which steps aside while the queue is busy (`yieldToLiveWork`).
 *
 * Why not the thread's OS priority alone (it also runs at nice 10): on a two-core PC the
 * main thread, the report thread and the clients share two cores, and a request is a
 * ping-pong of wake-ups (the kiosk's request, the main thread's answer, the next
 * request). Each wake-up that finds both cores taken waits for one, whatever the
 * priorities; measured here, a saturating issue rate fell to 0.8× while a report ran.
 * Stepping aside for the whole busy stretch, not just a request, keeps a core free.
 */
export class LiveWork {
  private readonly slots: Int32Array;
  private readonly base: number;

  /**
   * `buffer` is shared, not copied, when posted to a thread: Int32 0 the count, Int32 1
   * when the last one ended (ms since the base, wrapping), Float64 1 the base (epoch ms).
   */
  constructor(readonly buffer = new SharedArrayBuffer(16)) {
    this.slots = new Int32Array(buffer, 0, 2);
    const base = new Float64Array(buffer, 8, 1);
    if (base[0] === 0) base[0] = Date.now();
    this.base = base[0]!;
  }

  begin(): void {
    Atomics.add(this.slots, 0, 1);
  }

  /** Ends one: stamps the time, and the last one wakes a report thread waiting on the count. */
  end(): void {
    Atomics.store(this.slots, 1, msSince(this.base));
    if (Atomics.sub(this.slots, 0, 1) === 1) Atomics.notify(this.slots, 0);
  }

  /** Live requests now. */
  get running(): number {
    return Atomics.load(this.slots, 0);
  }
}

/** Milliseconds from `base` to now, as a wrapping Int32 (differences stay right for 24 days). */
const msSince = (base: number, now = Date.now()): number => (now - base) | 0;

/** What the report thread does between two checks of the gauge, at least (ms of work). */
export const REPORT_SLICE_MS = 4;
/** How long the queue must have been quiet before the report thread goes on (ms). */
export const REPORT_QUIET_MS = 5;
/** Longest the report thread steps aside at once: under any load it still makes progress. */
export const REPORT_YIELD_MS = 20;

/**
 * For the report thread, between two days of a report: once this slice has worked
 * `sliceMs`, while a live request runs or one ended less than `quietMs` ago, waits
 * (blocking this thread only) at most `yieldMs`. With nothing live it answers at once,
 * so a report alone runs at full speed; under a saturating load it still runs `sliceMs`
 * of every `sliceMs + yieldMs`, so it ends, only later. `now` is the epoch ms (tests
 * inject it).
 */
export function yieldToLiveWork(
  buffer: SharedArrayBuffer,
  now: () => number = Date.now,
  { sliceMs = REPORT_SLICE_MS, quietMs = REPORT_QUIET_MS, yieldMs = REPORT_YIELD_MS } = {},
): () => Promise<void> {
  const slots = new Int32Array(buffer, 0, 2);
  const base = new Float64Array(buffer, 8, 1)[0]!;
  let sliceStart = now();
  /** 0 when the queue is quiet, else how long to wait at most before looking again. */
  const busyFor = (at: number): number => {
    if (Atomics.load(slots, 0) > 0) return Infinity;
    const sinceLast = (msSince(base, at) - Atomics.load(slots, 1)) | 0;
    return sinceLast >= 0 && sinceLast < quietMs ? quietMs - sinceLast : 0;
  };
  return () => {
    let at = now();
    if (at - sliceStart >= sliceMs && busyFor(at) > 0) {
      const until = at + yieldMs;
      for (let wait = busyFor(at); wait > 0 && at < until; wait = busyFor(at)) {
        // Woken early by the last live request's end; a quiet spell is waited out.
        Atomics.wait(slots, 0, Atomics.load(slots, 0), Math.min(wait, until - at));
        at = now();
      }
      sliceStart = now();
    }
    return Promise.resolve();
  };
}
