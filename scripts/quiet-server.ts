import pino from 'pino';
import { loadConfig } from '../server/src/config';
import { startServer, type RunningServer } from '../server/src/server';
import type { Clock } from '../server/src/services/core/clock';

/**
 * The real server for a measuring child process (the benches' servers, the simulator's):
 * on loopback, a port of its own, silent, on the injected clock, and with the daily
 * automatic backup never due — it would fall due a minute in and copy the whole database
 * in the middle of the figures. `env` adds settings (e.g. the time zone).
 */
export function startQuietServer(options: {
  dataDir: string;
  password: string;
  clock: Clock;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  return startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LUOT_DATA_DIR: options.dataDir,
      LUOT_ADMIN_PASSWORD: options.password,
      LOG_LEVEL: 'silent',
      ...options.env,
    }),
    {
      clock: options.clock,
      logger: pino({ level: 'silent' }),
      backups: { checkEveryMs: 2 ** 31 - 1 },
    },
  );
}
