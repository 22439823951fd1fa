import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SERVER_NODE_FLAGS } from '../server/src/node-flags';
import { ApiClient } from '../test/support/api-client';
import { summariseProfile } from './cpu-profile-summary';
import { Kiosk, MORNING, out, PASSWORD } from './queue-support';

/**
 * Where `POST /api/tickets` spends its CPU under load (issue 13): the real server in a child
 * process under `node --cpu-prof` (the queue bench's `queue-server-child.ts`, file database,
 * WAL, `synchronous=FULL`), a kiosk paired through the API, then autocannon from this
 * process, 10 connections for 10 s, each request its own Idempotency-Key. When the child
 * has stopped, prints its self time grouped by part (express, middleware, zod, SQLite,
 * socket.io…) and the heaviest functions.
 *
 *   npx tsx bench/profile-throughput.ts [seconds] [profile folder]
 */
const seconds = Number(process.argv[2] ?? 10);
const profileDir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'luot-prof-'));

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-prof-data-'));
  const child = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
      ...SERVER_NODE_FLAGS,
      '--import',
      'tsx',
      path.join(__dirname, 'queue-server-child.ts'),
      dataDir,
      String(MORNING),
      PASSWORD,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { type: string; url?: string; message?: string }) =>
        m.type === 'ready' ? resolve(m.url!) : reject(new Error(m.message)),
      );
      child.once('exit', () => reject(new Error('server exited')));
    });
    const admin = new ApiClient(url);
    await admin.login('admin', PASSWORD);
    const kiosk = await Kiosk.pair(url, admin);
    let n = 0;
    const result = await autocannon({
      url,
      connections: 10,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/tickets',
          setupRequest: (request) => ({
            ...request,
            headers: {
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
              authorization: kiosk.authorization,
            },
            body: JSON.stringify({ serviceId: 1 + (n++ % 9) }),
          }),
        },
      ],
    });
    out(
      `${(result['2xx'] / result.duration).toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  } finally {
    child.send({ type: 'stop' });
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${profileDir}`);
  out(`profile: ${path.join(profileDir, file)}`);
  out(summariseProfile(path.join(profileDir, file)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? '') : String(error)}\n`);
  process.exit(1);
});
