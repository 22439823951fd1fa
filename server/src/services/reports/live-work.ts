/**
 * How many live requests (a ticket issued, a call, a screen's page: anything but reports)
 * the main thread is serving right now, and when one last began or ended, in memory shared
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
   * when one last began or ended (ms since the base, wrapping), Float64 1 the base (epoch
   * ms, written once by the side that made the buffer).
   */
  constructor(readonly buffer = new SharedArrayBuffer(16)) {
    this.slots = new Int32Array(buffer, 0, 2);
    const base = new Float64Array(buffer, 8, 1);
    if (base[0] === 0) {
      base[0] = Date.now();
      // Nothing has happened yet: long ago, so a new gauge reads quiet.
      Atomics.store(this.slots, 1, LONG_AGO);
    }
    this.base = base[0]!;
  }

  begin(): void {
    Atomics.store(this.slots, 1, msSince(this.base));
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

/** An activity stamp far enough back to read as quiet and stale (≈ 12 days). */
const LONG_AGO = -(2 ** 30);

/** Milliseconds from `base` to `now` (epoch ms), as a wrapping Int32 (right for 24 days). */
const msSince = (base: number, now = Date.now()): number => (now - base) | 0;

/**
 * What the report thread does between two checks of the gauge, at least (ms of work). Under
 * a saturating load it works this much of every `REPORT_SLICE_MS + REPORT_YIELD_MS` (an
 * eleventh of a core), which is what it takes from the clients' and the queue's share.
 */
export const REPORT_SLICE_MS = 2;
/** How long the queue must have been quiet before the report thread goes on (ms). */
export const REPORT_QUIET_MS = 5;
/** Longest the report thread steps aside at once: under any load it still makes progress. */
export const REPORT_YIELD_MS = 20;
/**
 * A count nothing has begun or ended beside for this long is not a busy queue (one long
 * download, or a count a lost connection never brought back): it is ignored.
 */
export const REPORT_STALE_MS = 1_000;
/**
 * Most a report steps aside in all (well under its 60 s timeout): past it, the report runs
 * at full speed, so a flood of requests slows reports but never makes them time out.
 */
export const REPORT_YIELD_BUDGET_MS = 20_000;

/** When and how much the report thread steps aside (tests shorten them). */
export interface YieldOptions {
  sliceMs?: number;
  quietMs?: number;
  yieldMs?: number;
  staleMs?: number;
  budgetMs?: number;
  /** Monotonic ms, for slices and limits (`performance.now`). */
  now?: () => number;
  /** Epoch ms, comparable across threads, for the gauge's stamps (`Date.now`). */
  wallNow?: () => number;
}

/**
 * For the report thread, between two days of a report (one call per report): once this
 * slice has worked `sliceMs`, while the queue is busy — a live request runs and one began
 * or ended less than `staleMs` ago, or the last ended less than `quietMs` ago — waits
 * (blocking this thread only) at most `yieldMs`, woken early by the last request's end,
 * and at most `budgetMs` in all. With nothing live it answers at once, so a report alone
 * runs at full speed; under a saturating load it still runs `sliceMs` of every
 * `sliceMs + yieldMs`, so it ends, only later.
 */
export function yieldToLiveWork(
  buffer: SharedArrayBuffer,
  {
    sliceMs = REPORT_SLICE_MS,
    quietMs = REPORT_QUIET_MS,
    yieldMs = REPORT_YIELD_MS,
    staleMs = REPORT_STALE_MS,
    budgetMs = REPORT_YIELD_BUDGET_MS,
    now = () => performance.now(),
    wallNow = Date.now,
  }: YieldOptions = {},
): () => Promise<void> {
  const slots = new Int32Array(buffer, 0, 2);
  const base = new Float64Array(buffer, 8, 1)[0]!;
  /** 0 when the queue is quiet, else how long to wait at most before looking again. */
  const busyFor = (): number => {
    const since = (msSince(base, wallNow()) - Atomics.load(slots, 1)) | 0;
    if (Atomics.load(slots, 0) > 0) return since < staleMs ? staleMs - Math.max(0, since) : 0;
    return since >= 0 && since < quietMs ? quietMs - since : 0;
  };
  let sliceStart = now();
  let spent = 0;
  return () => {
    const start = now();
    if (spent < budgetMs && start - sliceStart >= sliceMs && busyFor() > 0) {
      const until = start + Math.min(yieldMs, budgetMs - spent);
      for (let at = start, wait = busyFor(); wait > 0 && at < until; wait = busyFor()) {
        // Woken early when the last live request ends; a quiet spell is waited out.
        Atomics.wait(slots, 0, Atomics.load(slots, 0), Math.min(wait, until - at));
        at = now();
      }
      sliceStart = now();
      spent += sliceStart - start;
    }
    return Promise.resolve();
  };
}
