import os from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority (nice 10: about a tenth of a normal
 * thread's share when both want the CPU), so on a busy machine the main thread — issuing
 * and calling tickets — runs first and a report or an export takes most of what is left.
 * On Linux a thread's priority is its own (setpriority on the calling thread's id);
 * elsewhere it would lower the whole process, so it is left as is.
 *
 * Tried and not kept (bench/RESULTS.md, seventh session): the `SCHED_IDLE` policy (util-linux
 * `chrt --idle` on the thread's id). Such a thread gives its core up the moment a normal
 * thread wakes, and the paced issue's p99 during back-to-back reports fell from 1.16–1.62×
 * to 1.02–1.08× of its figure alone; but the reports themselves ran ≈ 10 % slower on a quiet
 * machine (one-year summaries 157–197 ms against the 200 ms target), and under a load that
 * keeps both cores busy a report barely runs at all.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted (a sandbox): the thread runs at the process's priority.
  }
}
