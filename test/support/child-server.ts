import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../../server/src/config';
import { startServer } from '../../server/src/server';

/**
 * The real server in a process of its own, for tests that kill it with SIGKILL.
 * Arguments: data folder, start instant (epoch ms). Its clock starts at that
 * instant and runs with the process, so the service day never depends on the
 * machine's date. Prints the URL once listening.
 */
const [dataDir, startAt] = process.argv.slice(2);
if (!dataDir || !startAt) throw new Error('usage: <data dir> <epoch ms>');
const origin = performance.now();
const clock = { now: () => Number(startAt) + Math.floor(performance.now() - origin) };

startServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LUOT_DATA_DIR: dataDir,
    LUOT_ADMIN_PASSWORD: 'crash-test-password',
    LOG_LEVEL: 'silent',
  }),
  { clock, logger: pino({ level: 'silent' }) },
).then(
  (server) => process.stdout.write(`${server.url}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
