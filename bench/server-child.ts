import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startQuietServer } from '../scripts/quiet-server';
import type { RunningServer } from '../server/src/server';

/**
 * The real server in a process of its own, for benchmarks that must measure the server's
 * event loop and not their client's (parsing a big JSON report in the client would count
 * otherwise). Arguments: data folder, start instant (epoch ms), admin password. Its clock
 * starts at that instant and runs with the process. Over IPC it answers:
 * `{ type: 'loop' }` → the longest event-loop block since the last `loop` (ms), and starts
 * a new window; `{ type: 'stop' }` → stops the server and exits. Once listening it sends
 * `{ type: 'ready', url, startMs, sinceProcessStartMs, startupBlockMs }` and starts the first
 * window: start-up's own blocks are not counted in what follows. `{ type: 'issues' }` → the
 * server-side time (ms) of every `POST /api/tickets` answered since the last `issues`: from
 * the request's headers read to its response handed to the socket, so a client's figure
 * beside it tells the server's share from the machine's (scheduling the client, loopback).
 * The automatic backup is off.
 */
export type ChildRequest = { type: 'loop' } | { type: 'issues' } | { type: 'stop' };
export type ChildReply =
  | {
      type: 'ready';
      url: string;
      startMs: number;
      sinceProcessStartMs: number;
      /** The loop's longest block while the server started, before it listened (ms). */
      startupBlockMs: number;
    }
  | { type: 'loop'; maxMs: number; p99Ms: number }
  | { type: 'issues'; serverMs: number[]; cpuMs: number[]; runQueueMs: number[] }
  | { type: 'error'; message: string };

const [dataDir, startAt, password] = process.argv.slice(2);
if (!dataDir || !startAt || !password) throw new Error('usage: <data dir> <epoch ms> <password>');
const send = (reply: ChildReply) => {
  if (process.send) process.send(reply);
  else if (reply.type === 'ready') process.stdout.write(`${reply.url}\n`);
};

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const origin = performance.now();
const clock = { now: () => Number(startAt) + Math.floor(performance.now() - origin) };
let server: RunningServer | null = null;
let issueTimes = { serverMs: [] as number[], cpuMs: [] as number[], runQueueMs: [] as number[] };

/**
 * The main thread's time on a core and waiting for one (ms, Linux's schedstat), or null
 * where the kernel does not say.
 */
function threadTimes(): [number, number] | null {
  try {
    const [onCpu, waiting] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return [Number(onCpu) / 1e6, Number(waiting) / 1e6];
  } catch {
    return null;
  }
}

// Stopped cleanly on SIGTERM too, so a `--cpu-prof` run writes its profile.
process.on('SIGTERM', () => {
  void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
});
process.on('message', (message: ChildRequest) => {
  if (message.type === 'loop') {
    send({ type: 'loop', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 });
    loop.reset();
  } else if (message.type === 'issues') {
    send({ type: 'issues', ...issueTimes });
    issueTimes = { serverMs: [], cpuMs: [], runQueueMs: [] };
  } else {
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});

const started = performance.now();
// The automatic backup stays off: the clock reads 09:00 and none was taken, so it would
// copy the whole history in the middle of the figures.
startQuietServer({ dataDir, password, clock }).then(
  (running) => {
    server = running;
    running.httpServer.prependListener('request', (request, response) => {
      if (request.method !== 'POST' || request.url !== '/api/tickets') return;
      const arrived = performance.now();
      const before = threadTimes();
      response.once('finish', () => {
        issueTimes.serverMs.push(performance.now() - arrived);
        const after = threadTimes();
        if (!before || !after) return;
        issueTimes.cpuMs.push(after[0] - before[0]);
        issueTimes.runQueueMs.push(after[1] - before[1]);
      });
    });
    const now = performance.now();
    const startupBlockMs = loop.max / 1e6;
    loop.reset();
    send({
      type: 'ready',
      url: running.url,
      startMs: now - started,
      sinceProcessStartMs: now,
      startupBlockMs,
    });
  },
  (error: unknown) => {
    send({ type: 'error', message: String(error) });
    process.exit(1);
  },
);
