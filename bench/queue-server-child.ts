import { performance } from 'node:perf_hooks';
import { startQuietServer } from '../scripts/quiet-server';
import type { RunningServer } from '../server/src/server';
import { answerProbe, type ChildMessage } from './bench-child';

/**
 * The real Luot server in a process of its own for the queue bench (bench/queue.bench.ts),
 * started with `--expose-gc` by BenchChild. Arguments: data folder, start instant (epoch
 * ms), admin password. Its clock starts at that instant and runs with the process; an
 * `{ type: 'advance', ms }` request moves it forward (the simulated week). Other requests:
 * `memory` (after two full collections), `cpu` (CPU time since the last `cpu`), `stop`.
 * Once listening it sends `{ type: 'ready', url, startMs, sinceProcessStartMs }`. The
 * automatic backup is off (it would copy the database in the middle of the figures).
 */
const [dataDir, startAt, password] = process.argv.slice(2);
if (!dataDir || !startAt || !password) throw new Error('usage: <data dir> <epoch ms> <password>');
const send = (reply: ChildMessage) => void process.send?.(reply);

const origin = performance.now();
let offset = 0;
const clock = { now: () => Number(startAt) + offset + Math.floor(performance.now() - origin) };
let server: RunningServer | null = null;

const stop = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.on('message', (message: ChildMessage & { ms?: number }) => {
  if (answerProbe(message, send)) return;
  if (message.type === 'advance') {
    offset += message.ms ?? 0;
    send({ type: 'advance', now: clock.now() });
  } else if (message.type === 'stop') stop();
});

const started = performance.now();
startQuietServer({ dataDir, password, clock }).then(
  (running) => {
    server = running;
    const now = performance.now();
    send({ type: 'ready', url: running.url, startMs: now - started, sinceProcessStartMs: now });
  },
  (error: unknown) => {
    send({ type: 'error', message: String(error) });
    process.exit(1);
  },
);
