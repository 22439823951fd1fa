import { parentPort } from 'node:worker_threads';

/** A checkpoint thread whose every checkpoint fails in SQLite (a full or read-only disk). */
parentPort?.on('message', (asked: number) =>
  parentPort?.postMessage({ asked, error: 'database or disk is full' }),
);
