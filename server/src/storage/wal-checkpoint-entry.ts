import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database';
import type { CheckpointReply } from './wal-checkpointer';

/**
 * The checkpoint thread (`WalCheckpointer`): its own connection to the database file, with
 * the same pragmas as the main one (`synchronous=FULL`: the WAL is synced before its pages
 * are copied, the file after). Each message asks for one PASSIVE checkpoint, which copies
 * what no reader still needs and never waits for the writer.
 */
const db = openDatabase((workerData as { file: string }).file);
// The main connection holds the write lock for a commit at most: never wait for it long.
db.raw.pragma('busy_timeout = 100');

parentPort?.on('message', (asked: number) => {
  let reply: CheckpointReply;
  try {
    const [row] = db.raw.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    reply = { asked, busy: row!.busy === 1, log: row!.log, checkpointed: row!.checkpointed };
  } catch (error) {
    reply = { asked, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
