import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on `file`. From compiled JavaScript the entry is a plain script;
 * from the TypeScript sources (tsx, Jest) the thread registers tsx first so it can load
 * them too. `workerData` reaches the thread as `require('node:worker_threads').workerData`.
 */
export function spawnThread(file: string, workerData?: WorkerOptions['workerData']): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData });
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});
require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, execArgv: [], workerData });
}
