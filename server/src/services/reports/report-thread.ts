import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FactsScope } from './report-packs';
import type { ReportRequest } from './report-run';
import type { ReportReply, ReportThreadRequest } from './report-thread-protocol';

interface Pending {
  resolve(json: string): void;
  reject(error: Error): void;
}

/**
 * Runs reports in one long-lived worker thread with its own connection to the database
 * file, so reading and adding up years of tickets never holds the main thread's event
 * loop. Started on first use; a thread that fails is dropped (what it held is refused
 * with its error) and the next report starts a new one. `close()` terminates it.
 */
export class ReportThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly entry?: string,
  ) {}

  /** The report as JSON text (a `ReportSummary`); for `buildPacks`, how many were built. */
  run(request: ReportRequest | { buildPacks: FactsScope }): Promise<string> {
    const worker = this.thread();
    const message: ReportThreadRequest = { id: this.nextId++, file: this.file, request };
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('report thread closed'));
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn(this.entry);
    worker.unref();
    worker.on('message', (reply: ReportReply) => {
      const held = this.pending.get(reply.id);
      if (!held) return;
      this.pending.delete(reply.id);
      if ('json' in reply) held.resolve(reply.json);
      else held.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      void worker.terminate();
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`report thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of held) reject(error);
  }
}

/**
 * Starts the thread. From compiled JavaScript the entry is a plain script; from the
 * TypeScript sources (tsx, Jest) the thread registers tsx first so it can load them too.
 */
function spawn(entry?: string): Worker {
  const file = entry ?? path.join(__dirname, `report-thread-entry${path.extname(__filename)}`);
  if (!file.endsWith('.ts')) return new Worker(file);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});
require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, execArgv: [] });
}
