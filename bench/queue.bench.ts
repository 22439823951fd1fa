import { markdownTable, rows } from './queue-rows';
import { benchCostGrowth, benchPaced, benchThroughput, startFloorA } from './queue-http';
import { benchScreens } from './queue-screens';
import { benchStartup, benchWeek } from './queue-week';
import { out } from './queue-support';

/**
 * Issue 13's figures, each beside its floor run in the same process and run: ticket issue
 * throughput against a bare `node:http` + one-INSERT server (floor A), issue and call-next
 * cost as the queue grows, paced issuing, calls to 50 and 1,000 hall screens against a bare
 * Socket.IO emit (floor B), memory per screen and over a simulated week, and start-up on
 * ten years of history. Every server runs in a process of its own; the clients (autocannon,
 * HTTP, socket.io-client screens) run here. Prints each figure, then the Markdown table
 * (between `<!-- queue-table -->` markers, which bench/run-all.ts copies into RESULTS.md);
 * exits 1 when a target is missed, 2 when a part failed. `npm run bench:queue` runs it all
 * and rewrites its section of bench/RESULTS.md; `npx tsx bench/queue.bench.ts week startup`
 * runs only the parts named (throughput, cost, paced, screens, week, startup) and writes nothing.
 */
const PARTS = ['throughput', 'cost', 'paced', 'screens', 'week', 'startup'] as const;

async function main(): Promise<void> {
  // `npx tsx bench/queue.bench.ts week startup` runs only those parts (all by default).
  const only = process.argv.slice(2);
  const unknown = only.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0)
    throw new Error(`unknown part ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  const runs = (part: (typeof PARTS)[number]) => only.length === 0 || only.includes(part);
  if (runs('throughput') || runs('cost') || runs('paced')) {
    const floor = await startFloorA();
    try {
      if (runs('throughput')) await benchThroughput(floor);
      if (runs('cost')) await benchCostGrowth(floor);
      if (runs('paced')) await benchPaced(floor);
    } finally {
      await floor.stop();
    }
  }
  if (runs('screens')) await benchScreens();
  if (runs('week')) await benchWeek();
  if (runs('startup')) await benchStartup();

  out('\n<!-- queue-table -->');
  out(markdownTable());
  out('<!-- /queue-table -->');
  const missed = rows.filter((row) => row.ok === false);
  out(
    missed.length === 0
      ? '\nqueue: every target met'
      : `\nqueue: MISSED ${missed.map((row) => `${row.measure}: ${row.figure}`).join('; ')}`,
  );
  if (missed.length > 0) process.exitCode = 1;
}

// A server that died under a pending request can leave nothing to wait on: the process
// would end quietly with exit 0. It must not look like a finished run.
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  process.stderr.write('queue bench: stopped before the end (a server died?)\n');
  process.exit(2);
});

main()
  .then(() => (finished = true))
  .catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  });
