import os from 'node:os';
import pino from 'pino';
import { loadConfig } from './config';
import { startServer } from './server';
import { systemClock } from './services/core/clock';
import { UI_APPS } from './http/pages';
import { missingNodeFlags } from './node-flags';

/** Entry point: config → database → migrate → build → listen; clean shutdown on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const missing = missingNodeFlags();
  if (missing.length > 0)
    logger.warn(
      { missing },
      'started without the server’s Node flags (npm start and docs/operations.md give them): ' +
        'idle-time garbage collection may hold the event loop up to 25 ms',
    );
  const server = await startServer(config, { clock: systemClock, logger });
  logger.info({ url: server.url, database: config.databaseFile }, 'Luot is listening');

  const lanAddresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info?.address);
  const lines = [
    '',
    `  Luot – ${server.application.settings.current().centreName}`,
    '',
    ...UI_APPS.map((app) => `  ${app.title.padEnd(18)} ${server.url}${app.path}`),
    ...lanAddresses.map((address) => `  Trong mạng LAN     http://${address}:${server.port}/`),
  ];
  if (server.createdAdmin?.generated) {
    lines.push(
      '',
      '  Tài khoản quản trị / Admin account (shown only once):',
      `    username: ${server.createdAdmin.username}`,
      `    password: ${server.createdAdmin.password}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Luot failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
