import os from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority to the lowest (nice 19), so on a busy
 * machine the main thread — issuing and calling tickets — runs first and a report or an
 * export only takes what is left. On Linux a thread's priority is its own (setpriority on
 * the calling thread's id); elsewhere it would lower the whole process, so it is left as is.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted (a sandbox): the thread runs at the process's priority.
  }
}
