import { parentPort } from 'node:worker_threads';
// The real thread: its listener starts each report, which answers only after an await.
import '../../../server/src/services/reports/report-thread-entry';

/**
 * The report thread, with faults on cue for tests (by the report's `from` day): exits
 * (`CRASH_DAY`), blocks for ever (`HANG_DAY`), else the real thread answers.
 */
export const CRASH_DAY = '2001-01-01';
export const HANG_DAY = '2002-02-02';

interface Message {
  request: { from?: string };
}

if (parentPort) {
  // Runs right after the real listener, in the same turn: before it can answer.
  parentPort.on('message', (message: Message) => {
    if (message.request.from === CRASH_DAY) process.exit(3);
    if (message.request.from === HANG_DAY) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
  });
}
