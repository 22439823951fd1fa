import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from './thread-priority';
import { openDatabase, type Database } from '../../storage/database';
import { buildReportPacks } from './report-packs';
import { yieldToLiveWork } from './live-work';
import { runReport } from './report-run';
import { jsonBytes, type ReportReply, type ReportThreadRequest } from './report-thread-protocol';

/**
 * Between two packs built in the background: each is a write transaction, and the main
 * thread's writers (a ticket issued, `/api/health`'s probe) wait for the lock in SQLite's
 * busy handler, which sleeps 1, 2, 5, 10… ms between tries. Back to back, the thread would
 * retake the lock before they woke and hold them for as long as a decade takes.
 */
const PACK_PAUSE_MS = 25;
const letWritersIn = () => new Promise<void>((resolve) => setTimeout(resolve, PACK_PAUSE_MS));

/**
 * The body of the report thread (see report-thread.ts): its own connection to the
 * database file (WAL lets it read while the main thread writes; packs it builds are
 * small transactions under the busy timeout), one report at a time.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  lowerThreadPriority();
  const connections = new Map<string, Database>();
  const connection = (file: string): Database => {
    let db = connections.get(file);
    if (!db) {
      db = openDatabase(file);
      connections.set(file, db);
    }
    return db;
  };
  port.on('message', (message: ReportThreadRequest) => {
    void (async () => {
      let reply: ReportReply;
      const transfer: ArrayBuffer[] = [];
      try {
        const db = connection(message.file);
        const { request } = message;
        const stepAside = message.live ? yieldToLiveWork(message.live) : null;
        const result =
          'buildPacks' in request
            ? await buildReportPacks(db, request.buildPacks, {
                pause: async () => {
                  await letWritersIn();
                  await stepAside?.();
                },
              })
            : await runReport(db, request, stepAside ?? undefined);
        reply = { id: message.id, json: jsonBytes(result) };
        transfer.push(reply.json.buffer as ArrayBuffer);
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply, transfer);
    })();
  });
}

if (parentPort) serve(parentPort);
