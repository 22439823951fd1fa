import { fork, type ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_REALTIME_OPTIONS } from '../server/src/realtime/realtime-options';
import { ManualClock, startTestServer } from '../test/support/test-server';

/**
 * What the shorter heartbeat costs: 1,000 idle screens (socket.io-client over WebSocket,
 * loopback) on a server in its own process, measured over the same window with Socket.IO's
 * default heartbeat (25 s + 20 s, the floor) and with Luot's (5 s + 4 s). Reports the
 * server's CPU time per second and memory, and the ratios; no timed assertion. Run alone:
 * `npx tsx bench/heartbeat.bench.ts` (BENCH_SCREENS, BENCH_SECONDS to change the load).
 */
const SCREENS = Number(process.env.BENCH_SCREENS ?? 1000);
/** Long enough for the default heartbeat to ping once too. */
const WINDOW_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;

interface Usage {
  cpuMs: number;
  rssMiB: number;
  heapMiB: number;
}

type FromServer = { url: string } | { usage: Usage };

/** The server side, in a child process so its CPU time is its own. */
async function serveInChild(pingIntervalMs: number, pingTimeoutMs: number): Promise<void> {
  const server = await startTestServer({
    clock: new ManualClock(),
    realtime: { pingIntervalMs, pingTimeoutMs },
  });
  let startCpu = process.cpuUsage();
  process.on('message', (message: string) => {
    if (message === 'start') startCpu = process.cpuUsage();
    if (message === 'stop') {
      const cpu = process.cpuUsage(startCpu);
      const memory = process.memoryUsage();
      const usage: Usage = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssMiB: memory.rss / 2 ** 20,
        heapMiB: memory.heapUsed / 2 ** 20,
      };
      process.send?.({ usage }, () => void server.stop().then(() => process.exit(0)));
    }
  });
  process.send?.({ url: server.url });
}

function nextMessage(child: ChildProcess): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as FromServer));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function measure(pingIntervalMs: number, pingTimeoutMs: number) {
  const child = fork(__filename, ['--serve', String(pingIntervalMs), String(pingTimeoutMs)], {
    execArgv: process.execArgv,
  });
  const started = await nextMessage(child);
  if (!('url' in started)) throw new Error('expected the server URL');
  const screens: Socket[] = [];
  let dropped = 0;
  try {
    // In batches, as screens coming up over a morning would not all arrive in one instant.
    for (let batch = 0; batch < SCREENS; batch += 100) {
      const opened = Array.from({ length: Math.min(100, SCREENS - batch) }, () => {
        const screen = io(started.url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        screens.push(screen);
        screen.on('disconnect', () => (dropped += 1));
        return new Promise<void>((resolve) => screen.once('queue:snapshot', () => resolve()));
      });
      await Promise.all(opened);
    }
    const clientCpu = process.cpuUsage();
    child.send('start');
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const clientUsed = process.cpuUsage(clientCpu);
    child.send('stop');
    const stopped = await nextMessage(child);
    if (!('usage' in stopped)) throw new Error('expected the usage');
    return {
      ...stopped.usage,
      clientCpuMs: (clientUsed.user + clientUsed.system) / 1000,
      dropped,
    };
  } finally {
    for (const screen of screens) screen.close();
  }
}

async function main(): Promise<void> {
  const seconds = WINDOW_MS / 1000;
  const floor = await measure(25_000, 20_000);
  const luot = await measure(
    DEFAULT_REALTIME_OPTIONS.pingIntervalMs,
    DEFAULT_REALTIME_OPTIONS.pingTimeoutMs,
  );
  const line = (label: string, m: Awaited<ReturnType<typeof measure>>) =>
    `${label.padEnd(44)} server CPU ${(m.cpuMs / seconds).toFixed(1)} ms/s, ` +
    `RSS ${m.rssMiB.toFixed(0)} MiB, heap ${m.heapMiB.toFixed(0)} MiB; ` +
    `screens' CPU ${(m.clientCpuMs / seconds).toFixed(1)} ms/s; dropped ${m.dropped}\n`;
  process.stdout.write(
    `Heartbeat, ${SCREENS} idle screens over ${seconds} s:\n` +
      line('Socket.IO default (25 s + 20 s, floor)', floor) +
      line(
        `Luot (${DEFAULT_REALTIME_OPTIONS.pingIntervalMs / 1000} s + ` +
          `${DEFAULT_REALTIME_OPTIONS.pingTimeoutMs / 1000} s)`,
        luot,
      ) +
      `ratios Luot / floor: server CPU ×${(luot.cpuMs / Math.max(floor.cpuMs, 1)).toFixed(2)}, ` +
      `RSS ×${(luot.rssMiB / floor.rssMiB).toFixed(2)}\n`,
  );
}

const [mode, interval, timeout] = process.argv.slice(2);
if (mode === '--serve') void serveInChild(Number(interval), Number(timeout));
else void main();
