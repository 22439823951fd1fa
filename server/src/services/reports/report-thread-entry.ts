import { parentPort } from 'node:worker_threads';
import { openDatabase, type Database } from '../../storage/database';
import { runReport } from './report-run';
import type { ReportReply, ReportThreadRequest } from './report-thread-protocol';

/**
 * The body of the report thread (see report-thread.ts): its own connection to the
 * database file (WAL lets it read while the main thread writes; packs it builds are
 * small transactions under the busy timeout), one report at a time.
 */
function serve(port: NonNullable<typeof parentPort>): void {
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
      try {
        const summary = await runReport(connection(message.file), message.request);
        reply = { id: message.id, json: JSON.stringify(summary) };
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    })();
  });
}

if (parentPort) serve(parentPort);
