import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportSummary } from '../../contract/reports';
import type { ExportReply, ExportRequest } from './report-export-protocol';
import type { ExportFormat, RenderedReport } from './report-render';

export type { ExportFormat, RenderedReport } from './report-render';

interface Pending {
  resolve(file: RenderedReport): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

/**
 * Starts the export thread. From compiled JavaScript the entry is a plain script; from the
 * TypeScript sources (tsx, Jest) the thread registers tsx first so it can load them too.
 */
function spawn(): Worker {
  const file = path.join(__dirname, `report-export-entry${path.extname(__filename)}`);
  if (!file.endsWith('.ts')) return new Worker(file);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});
require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, execArgv: [] });
}

function failAll(error: Error): void {
  const held = [...pending.values()];
  pending.clear();
  for (const { reject } of held) reject(error);
}

function thread(): Worker {
  if (worker) return worker;
  const started = spawn();
  // An idle export thread never keeps the process alive.
  started.unref();
  started.on('message', (reply: ExportReply) => {
    const held = pending.get(reply.id);
    if (!held) return;
    pending.delete(reply.id);
    if ('error' in reply) held.reject(new Error(reply.error));
    else {
      const body = Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength);
      held.resolve({ contentType: reply.contentType, fileName: reply.fileName, body });
    }
  });
  const fail = (error: Error) => {
    if (worker !== started) return;
    worker = null;
    void started.terminate();
    failAll(error);
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`report export thread exited with code ${code}`)));
  worker = started;
  return started;
}

/**
 * Renders the summary as a CSV, XLSX or PDF file in a long-lived worker thread, so the
 * seconds of CPU a long period by day costs (building the workbook, laying out the PDF)
 * never hold the server's event loop; the thread parses the PDF font once and keeps it.
 * A thread that fails refuses what it held with its error; the next export starts anew.
 */
export function renderReport(
  summary: ReportSummary,
  format: ExportFormat,
): Promise<RenderedReport> {
  const message: ExportRequest = { id: nextId++, summary, format };
  const target = thread();
  return new Promise((resolve, reject) => {
    pending.set(message.id, { resolve, reject });
    target.postMessage(message);
  });
}

/** Stops the export thread (server shutdown, tests); a later export starts a new one. */
export async function closeReportExports(): Promise<void> {
  const running = worker;
  worker = null;
  failAll(new Error('report export thread closed'));
  if (running) await running.terminate();
}
