import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ROLL_OVER_INTERVAL_MS, type RunningServer } from '../../server/src/server';
import { startQuietServer } from '../quiet-server';
import { SegmentClock, SteppedClock, type ClockSegment } from './clock';

/**
 * The real server in a process of its own for `npm run simulate`, on the demo centre, its
 * clock injected (scripts/simulate/clock.ts). Arguments: data folder, admin password, the
 * clock as JSON (`ChildClock`).
 *
 * Accelerated: `{ type: 'clock', segment }` starts a new segment and answers `clock`.
 * Stepped: `{ type: 'step', at }` sets the frozen clock to `at`, runs the work the server's
 * wall-clock timers would have run by then (the day's roll-over and the release of
 * abandoned counters when the minute changed, the services' availability boundary when it
 * is reached) and answers `step` with the feed's last seq and the next boundary, so the
 * simulator can stop the clock there and wait for the events to reach its sockets.
 * `{ type: 'seq' }` answers the feed's last seq.
 *
 * Both: `{ type: 'stats' }` answers with the process's memory and event-loop delay;
 * `{ type: 'stop' }` stops the server and exits. Once listening it sends
 * `{ type: 'ready', url }`. The automatic backup is off: it would fall due every simulated
 * day and copy the database in the middle of the figures.
 */
export type ChildClock =
  { kind: 'accelerated'; segment: ClockSegment } | { kind: 'stepped'; at: number };
export type SimChildRequest =
  | { type: 'clock'; segment: ClockSegment }
  | { type: 'step'; at: number }
  | { type: 'seq' }
  | { type: 'stats' }
  | { type: 'stop' };
export type SimChildReply =
  | { type: 'ready'; url: string }
  | { type: 'clock' }
  | { type: 'step'; seq: number; nextTimer: number | null }
  | { type: 'seq'; seq: number }
  | { type: 'stats'; rssMb: number; heapUsedMb: number; loopP99Ms: number; loopMaxMs: number }
  | { type: 'error'; message: string };

const [dataDir, password, clockJson] = process.argv.slice(2);
if (!dataDir || !password || !clockJson)
  throw new Error('usage: <data dir> <admin password> <clock JSON>');
const send = (reply: SimChildReply) => process.send?.(reply);

const spec = JSON.parse(clockJson) as ChildClock;
const segmentClock = spec.kind === 'accelerated' ? new SegmentClock(spec.segment) : null;
const steppedClock = spec.kind === 'stepped' ? new SteppedClock(spec.at) : null;
const clock = (segmentClock ?? steppedClock) as SegmentClock | SteppedClock;
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let server: RunningServer | null = null;
const stop = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
/** The minute of the stepped clock at which the roll-over last ran. */
let rolledMinute = steppedClock ? Math.floor(steppedClock.now() / ROLL_OVER_INTERVAL_MS) : 0;

/** The stepped clock moves to `at`: what the server's timers would have done by then. */
function step(at: number): SimChildReply {
  const stepped = steppedClock as SteppedClock;
  stepped.set(at);
  const application = (server as RunningServer).application;
  const now = stepped.now();
  const minute = Math.floor(now / ROLL_OVER_INTERVAL_MS);
  if (minute !== rolledMinute) {
    rolledMinute = minute;
    application.dayEnd.rollOver();
    application.counters.releaseAbandoned(now);
  }
  application.availability.check();
  return {
    type: 'step',
    seq: application.repos.events.lastSeq(),
    nextTimer: application.availability.nextBoundary(),
  };
}

process.on('SIGTERM', stop);
// The simulator gone (crashed or killed) leaves no server behind.
process.on('disconnect', stop);
process.on('message', (message: SimChildRequest) => {
  try {
    if (message.type === 'clock' && segmentClock) {
      segmentClock.set(message.segment);
      send({ type: 'clock' });
    } else if (message.type === 'step' && steppedClock && server) {
      send(step(message.at));
    } else if (message.type === 'seq' && server) {
      send({ type: 'seq', seq: server.application.repos.events.lastSeq() });
    } else if (message.type === 'stats') {
      const memory = process.memoryUsage();
      send({
        type: 'stats',
        rssMb: memory.rss / 2 ** 20,
        heapUsedMb: memory.heapUsed / 2 ** 20,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
      });
    } else if (message.type === 'stop') stop();
    else send({ type: 'error', message: `unexpected ${message.type} in this clock mode` });
  } catch (error) {
    send({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

startQuietServer({ dataDir, password, clock, env: { LUOT_TIME_ZONE: 'Asia/Ho_Chi_Minh' } }).then(
  (running) => {
    server = running;
    send({ type: 'ready', url: running.url });
  },
  (error: unknown) => {
    send({ type: 'error', message: String(error) });
    process.exit(1);
  },
);
