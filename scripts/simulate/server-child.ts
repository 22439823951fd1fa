import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/server';
import { SegmentClock, type ClockSegment } from './clock';

/**
 * The real server in a process of its own for `npm run simulate`, on the demo centre, its
 * clock accelerated (scripts/simulate/clock.ts). Arguments: data folder, admin password,
 * the first clock segment as JSON. Over IPC: `{ type: 'clock', segment }` starts a new
 * segment and answers `clock`; `{ type: 'stats' }` answers with the process's memory and
 * event-loop delay; `{ type: 'stop' }` stops the server and exits. Once listening it sends
 * `{ type: 'ready', url }`. The automatic backup is off: it would fall due every
 * accelerated day and copy the database in the middle of the figures.
 */
export type SimChildRequest =
  { type: 'clock'; segment: ClockSegment } | { type: 'stats' } | { type: 'stop' };
export type SimChildReply =
  | { type: 'ready'; url: string }
  | { type: 'clock' }
  | { type: 'stats'; rssMb: number; heapUsedMb: number; loopP99Ms: number; loopMaxMs: number }
  | { type: 'error'; message: string };

const [dataDir, password, firstSegment] = process.argv.slice(2);
if (!dataDir || !password || !firstSegment)
  throw new Error('usage: <data dir> <admin password> <clock segment JSON>');
const send = (reply: SimChildReply) => process.send?.(reply);

const clock = new SegmentClock(JSON.parse(firstSegment) as ClockSegment);
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let server: RunningServer | null = null;
const stop = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));

process.on('SIGTERM', stop);
// The simulator gone (crashed or killed) leaves no server behind.
process.on('disconnect', stop);
process.on('message', (message: SimChildRequest) => {
  if (message.type === 'clock') {
    clock.set(message.segment);
    send({ type: 'clock' });
  } else if (message.type === 'stats') {
    const memory = process.memoryUsage();
    send({
      type: 'stats',
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
    });
  } else stop();
});

startServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LUOT_DATA_DIR: dataDir,
    LUOT_ADMIN_PASSWORD: password,
    LUOT_TIME_ZONE: 'Asia/Ho_Chi_Minh',
    LOG_LEVEL: 'silent',
  }),
  {
    clock,
    logger: pino({ level: 'silent' }),
    backups: { checkEveryMs: 2 ** 31 - 1 },
  },
).then(
  (running) => {
    server = running;
    send({ type: 'ready', url: running.url });
  },
  (error: unknown) => {
    send({ type: 'error', message: String(error) });
    process.exit(1);
  },
);
