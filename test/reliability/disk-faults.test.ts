import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthResponse, Ticket } from '../../server/src/contract';
import { translate } from '../../server/src/contract/i18n';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { vietnamTime } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { ManualClock, startTestServer, type TestServer } from '../support/test-server';

const DKKD = 1;
const COUNTER = 1;
const TMPFS_SIZE = '12m';
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);

/** The refusal kiosks and clerks must get, in Vietnamese, while the storage fails. */
const REFUSAL = {
  status: 503,
  body: {
    error: { code: 'storage_unavailable', message: translate('vi', 'error.storage_unavailable') },
  },
};

/** Runs a shell tool; returns null on success, else the first line of its complaint. */
function tryRun(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    return `${command} ${args.join(' ')}: ${stderr || (error as Error).message}`;
  }
}

/**
 * Whether this machine can mount a tmpfs, and remount one read-only while a file on it is
 * open for writing (as SQLite keeps its database, WAL and shm open). Linux refuses the
 * latter (EBUSY): a disk goes read-only under a running program only by the kernel's own
 * `errors=remount-ro` after I/O errors, which needs an unmount to undo.
 */
function probeMounts(): { tmpfs: string | null; readOnly: string | null } {
  if (process.getuid?.() !== 0)
    return { tmpfs: 'mounting needs root', readOnly: 'mounting needs root' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-mount-probe-'));
  const tmpfs = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
  let readOnly = tmpfs;
  if (tmpfs === null) {
    const fd = fs.openSync(path.join(dir, 'open-for-writing'), 'w');
    readOnly = tryRun('mount', ['-o', 'remount,ro', dir]);
    fs.closeSync(fd);
    tryRun('umount', [dir]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { tmpfs, readOnly };
}

/** Writes zeros until the disk is full, big blocks then single pages. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 512]) {
      const block = Buffer.alloc(size);
      for (;;) {
        try {
          fs.writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A centre at mid-day: a signed-in admin acting at a staffed counter, a kiosk, a queue. */
async function midDay(
  server: TestServer,
): Promise<{ kiosk: ApiClient; clerk: ApiClient; numbers: string[] }> {
  staffCounters(server);
  const clerk = new ApiClient(server.url);
  await clerk.login(server.adminUsername, server.adminPassword);
  const kiosk = new ApiClient(server.url);
  const numbers: string[] = [];
  for (let i = 0; i < 12; i++) numbers.push((await kiosk.issue(DKKD)).ticket.number);
  for (let i = 0; i < 3; i++) expect((await clerkStep(clerk)).status).toBe(200);
  return { kiosk, clerk, numbers };
}

/** The clerk's rhythm: start serving the called visitor (if any), then call the next one. */
async function clerkStep(clerk: ApiClient): Promise<ApiResponse> {
  const started = await clerk.post(`/api/counters/${COUNTER}/start`);
  if (started.status === 503) return started;
  return clerk.post(`/api/counters/${COUNTER}/call-next`);
}

/**
 * Sends `send` until it is refused (the WAL may still hold a few commits on a full disk),
 * at most 200 times; every answer before the refusal must be a success, never a 5xx other
 * than the refusal. Returns the refusal.
 */
async function untilRefused(
  send: () => Promise<ApiResponse>,
  ok: (response: ApiResponse) => void,
): Promise<ApiResponse> {
  for (let i = 0; i < 200; i++) {
    const response = await send();
    if (response.status === 503) return response;
    expect(response.status).toBeLessThan(300);
    ok(response);
  }
  throw new Error('the storage never refused a write');
}

/**
 * Breaks the storage mid-day with `fail`, checks every promise while it is broken, heals
 * it with `heal`, and checks the same server (no restart) recovers fully.
 */
async function faultAndRecover(
  server: TestServer,
  fail: () => void,
  heal: () => void,
): Promise<void> {
  const { kiosk, clerk, numbers } = await midDay(server);
  const db = server.server.application.repos.db;
  fail();
  const issue = () =>
    kiosk.post(
      '/api/tickets',
      { serviceId: DKKD },
      { 'Idempotency-Key': `k-${numbers.length}-${Math.random()}` },
    );
  const kioskRefusal = await untilRefused(issue, (r) =>
    numbers.push((r.body as { ticket: Ticket }).ticket.number),
  );
  expect(kioskRefusal).toMatchObject(REFUSAL);
  const clerkRefusal = await untilRefused(
    () => clerkStep(clerk),
    () => undefined,
  );
  expect(clerkRefusal).toMatchObject(REFUSAL);
  const degraded = await kiosk.get<HealthResponse>('/api/health');
  expect(degraded).toMatchObject({ status: 503, body: { status: 'degraded' } });
  expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe('ok');

  heal();
  expect(await kiosk.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  numbers.push((await kiosk.issue(DKKD)).ticket.number);
  expect((await clerkStep(clerk)).status).toBe(200);
  // No number was lost or reused through the fault.
  const first = sequenceOf(numbers[0] ?? '');
  expect(numbers.map(sequenceOf)).toEqual(numbers.map((_n, i) => first + i));
  expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe('ok');
}

const mounts = probeMounts();
if (mounts.tmpfs !== null || mounts.readOnly !== null) {
  console.warn(
    `\n*** DISK FAULTS: ${mounts.tmpfs === null ? '' : `FULL TMPFS CASE SKIPPED (${mounts.tmpfs}), the max_page_count case stands in. `}` +
      `${mounts.readOnly === null ? '' : `READ-ONLY REMOUNT CASE SKIPPED (${mounts.readOnly}); the query_only case stands in.`} ***\n`,
  );
}

describe('disk faults mid-day, recovered without a restart', () => {
  let server: TestServer | undefined;
  let mountPoint: string | null = null;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (mountPoint !== null) {
      tryRun('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
      mountPoint = null;
    }
  });

  /** A server whose data folder is a fresh tmpfs of its own. */
  async function onTmpfs(): Promise<{ server: TestServer; dir: string }> {
    mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-disk-fault-'));
    const failed = tryRun('mount', [
      '-t',
      'tmpfs',
      '-o',
      `size=${TMPFS_SIZE}`,
      'tmpfs',
      mountPoint,
    ]);
    if (failed !== null) throw new Error(failed);
    server = await startTestServer({
      clock: new ManualClock(vietnamTime('2026-11-27', '10:00')),
      dataDir: path.join(mountPoint, 'data'),
    });
    return { server, dir: mountPoint };
  }

  (mounts.tmpfs === null ? test : test.skip)(
    'a full tmpfs: kiosk and clerk get 503 storage_unavailable in Vietnamese, health degrades, and all recovers once space is freed',
    async () => {
      const { server: running, dir } = await onTmpfs();
      const filler = path.join(dir, 'filler');
      await faultAndRecover(
        running,
        () => fillDisk(filler),
        () => fs.rmSync(filler),
      );
    },
  );

  (mounts.tmpfs === null ? test.skip : test)(
    'a database at its size limit (max_page_count, as no tmpfs can be mounted here): the same refusals and recovery',
    async () => {
      server = await startTestServer({
        clock: new ManualClock(vietnamTime('2026-11-27', '10:00')),
      });
      const raw = server.server.application.repos.db.raw;
      const unlimited = raw.pragma('max_page_count', { simple: true }) as number;
      await faultAndRecover(
        server,
        () =>
          raw.pragma(`max_page_count = ${raw.pragma('page_count', { simple: true }) as number}`),
        () => raw.pragma(`max_page_count = ${unlimited}`),
      );
    },
  );

  (mounts.readOnly === null ? test : test.skip)(
    'a tmpfs remounted read-only: the same refusals, and all recovers once it is read-write again',
    async () => {
      const { server: running, dir } = await onTmpfs();
      await faultAndRecover(
        running,
        () => execFileSync('mount', ['-o', 'remount,ro', dir]),
        () => execFileSync('mount', ['-o', 'remount,rw', dir]),
      );
    },
  );

  test('a storage that refuses writes (SQLite query_only, SQLITE_READONLY as a read-only mount gives): the same refusals and recovery', async () => {
    const { server: running } =
      mounts.tmpfs === null ? await onTmpfs() : { server: (server = await startTestServer()) };
    const raw = running.server.application.repos.db.raw;
    await faultAndRecover(
      running,
      () => raw.pragma('query_only = ON'),
      () => raw.pragma('query_only = OFF'),
    );
  });
});
