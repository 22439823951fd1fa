import { parentPort } from 'node:worker_threads';

/** A thread that exits on its first message (a crash, as the host sees it). */
parentPort?.on('message', () => process.exit(5));
