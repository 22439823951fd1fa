import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the calling thread runs at after `lowerThreadPriority`. */
export type ThreadPriority = 'idle' | 'nice' | 'unchanged';

/**
 * Puts the calling worker thread (reports, exports) below everything the queue needs, so
 * a report never slows a ticket's issue or call. On Linux:
 *
 * - First nice 10 (`setpriority` on the thread's own id: on Linux a thread's priority is its
 *   own), about a tenth of a normal thread's share when both want a core.
 * - Then the `SCHED_IDLE` policy (`chrt --idle`, util-linux, which any user may do to their
 *   own threads). Nice alone is not enough on two cores: a thread woken for a ticket's
 *   request that finds the report thread on the free core waits for that thread's slice to
 *   run out (measured: p99 of a paced issue +5 ms during back-to-back reports, waiting for
 *   a core). A `SCHED_IDLE` thread gives its core up as soon as any normal thread wakes.
 *   It runs on what the queue leaves, which on a server is nearly always a whole core.
 *
 * The price: while both cores are busy with normal threads, the thread barely runs. It never
 * holds the write lock while it works (report-packs.ts builds a pack without it), and a
 * report that cannot finish ends at its timeout with `reports_unavailable`.
 * Where `chrt` is missing or refused, the thread stays at nice 10; elsewhere than Linux
 * `setpriority` would lower the whole process, so the thread is left as it is.
 */
export function lowerThreadPriority(): ThreadPriority {
  if (process.platform !== 'linux') return 'unchanged';
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted (a sandbox): the thread runs at the process's priority.
    return 'unchanged';
  }
  try {
    // `/proc/thread-self` links to `<pid>/task/<tid>`: the calling thread's own id.
    const tid = path.basename(fs.readlinkSync('/proc/thread-self'));
    execFileSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore', timeout: 5000 });
    return 'idle';
  } catch {
    return 'nice';
  }
}
