import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The control beside a measured server: a Node process with nothing to do, measuring its
 * own event loop the way bench/server-child.ts measures the server's. Its longest block is
 * the machine's own (scheduling, and on a virtual machine the host taking a core back when
 * both are busy), which the server's figure includes too. Over IPC: `{ type: 'loop' }` →
 * `{ type: 'loop', maxMs, p99Ms }` since the last one; `{ type: 'stop' }` → exits.
 */
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
process.on('message', (message: { type: string }) => {
  if (message.type !== 'loop') process.exit(0);
  process.send?.({ type: 'loop', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 });
  loop.reset();
});
process.send?.({ type: 'ready' });
