import os from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority (nice 10: about a tenth of a normal
 * thread's share when both want the CPU), so on a busy machine the main thread — issuing
 * and calling tickets — runs first and a report or an export takes most of what is left.
 * Not the lowest: the report thread sometimes holds the write lock (building a pack) and
 * must not starve while the main thread waits for it. On Linux a thread's priority is its own (setpriority on
 * the calling thread's id); elsewhere it would lower the whole process, so it is left as is.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted (a sandbox): the thread runs at the process's priority.
  }
}
