import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/src/config';
import { startServer, type RunningServer } from '../../server/src/server';
import type { Clock } from '../../server/src/services/core/clock';
import type { PrintingOptions } from '../../server/src/services/printing/print-worker';
import type { RealtimeOptions } from '../../server/src/realtime/realtime-options';

/** A real server on 127.0.0.1, port 0, over a fresh SQLite file with the demo centre. */
export interface TestServer {
  url: string;
  adminUsername: string;
  adminPassword: string;
  dataDir: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 10, 27, 2, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

const ADMIN_PASSWORD = 'test-admin-password';

/** Makes a fresh temporary data folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'luot-test-'));
}

/** Starts a server; pass `dataDir` to reopen an earlier one, `env` for more settings. */
export async function startTestServer(
  options: {
    clock?: Clock;
    dataDir?: string;
    printing?: Partial<PrintingOptions>;
    realtime?: Partial<RealtimeOptions>;
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LUOT_DATA_DIR: dataDir,
    LUOT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const server = await startServer(config, {
    clock: options.clock ?? new ManualClock(),
    logger: pino({ level: 'silent' }),
    ...(options.printing !== undefined && { printing: options.printing }),
    ...(options.realtime !== undefined && { realtime: options.realtime }),
  });
  return {
    url: server.url,
    adminUsername: 'admin',
    adminPassword: ADMIN_PASSWORD,
    dataDir,
    server,
    stop: () => server.stop(),
  };
}
