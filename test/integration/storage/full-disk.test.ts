import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthResponse, IssueTicketResponse } from '../../../server/src/contract/http';
import { translate } from '../../../server/src/contract/i18n';
import { ApiClient, type ApiResponse } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { HEALTHY } from '../../support/health';

const DKKD = 1;
/** Small enough to fill in a moment, big enough for the demo centre's database. */
const TMPFS_SIZE = '8m';
/** The running number of a ticket number such as `DKKD-007`. */
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);

/** The answer to a write the storage refused, in the kiosk's default language. */
const STORAGE_UNAVAILABLE = {
  status: 503,
  headers: expect.anything(),
  body: {
    error: { code: 'storage_unavailable', message: translate('vi', 'error.storage_unavailable') },
  },
};
/** Issues with fresh keys until one is refused, adding each number issued to `numbers`. */
async function issueUntilRefused(
  kiosk: ApiClient,
  prefix: string,
  numbers: string[],
): Promise<{ refused: ApiResponse | null; key: string }> {
  let key = '';
  for (let attempt = 0; attempt < 100; attempt += 1) {
    key = `${prefix}-${attempt}`;
    const response = await kiosk.post<IssueTicketResponse>(
      '/api/tickets',
      { serviceId: DKKD },
      { 'Idempotency-Key': key },
    );
    if (response.status !== 201) return { refused: response, key };
    numbers.push(response.body.ticket.number);
  }
  return { refused: null, key };
}

/**
 * The refused attempt, retried with its key, gets the next number, and so does a new one:
 * no number was reused or lost.
 */
async function expectNumbersFollowOn(
  kiosk: ApiClient,
  key: string,
  numbers: string[],
): Promise<void> {
  const retried = await kiosk.post<IssueTicketResponse>(
    '/api/tickets',
    { serviceId: DKKD },
    { 'Idempotency-Key': key },
  );
  expect(retried.status).toBe(201);
  numbers.push(retried.body.ticket.number, (await kiosk.issue(DKKD)).ticket.number);
  const first = sequenceOf(numbers[0] ?? '');
  expect(numbers.map(sequenceOf)).toEqual(numbers.map((_n, i) => first + i));
}

/** Why a tmpfs cannot be mounted here, and whether the system refused it (no privilege). */
interface MountFailure {
  reason: string;
  refused: boolean;
}

/** What mount(8) and mount(2) say when the caller lacks the privilege, even as root. */
const REFUSED = /permission denied|operation not permitted|must be superuser|EPERM|EACCES/i;

/** Mounts a fresh tmpfs now, while tests are collected, or says why it cannot. */
function mountTmpfs(dir: string): MountFailure | null {
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root', refused: true };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    const reason = `mount -t tmpfs failed: ${stderr || (error as Error).message}`;
    return { reason, refused: REFUSED.test(reason) };
  }
}

/** Writes zeros into `file` until the disk has no room left; returns the bytes written. */
function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  try {
    // Big blocks first, then single pages, so not even one page is left free.
    for (const size of [1024 * 1024, 4096]) {
      const block = Buffer.alloc(size);
      for (;;) {
        try {
          written += fs.writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/**
 * A full database without privileges: `max_page_count` caps the server's own connection at
 * the pages it has, so the next write that needs a page fails with SQLITE_FULL, the code a
 * full disk gives. Runs everywhere; the tmpfs test below fills a real disk where it can.
 */
describe('when the database reaches its size limit', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ clock: new ManualClock() });
  });

  afterEach(() => server.stop());

  test('issuing answers 503 storage_unavailable, health says degraded, and both recover when the limit is raised', async () => {
    const db = server.server.application.repos.db.raw;
    const kiosk = new ApiClient(server.url);
    const numbers = [(await kiosk.issue(DKKD)).ticket.number];
    const unlimited = db.pragma('max_page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    // Free room in the last pages may take a few more tickets; each is a number or a clean 503.
    const { refused, key } = await issueUntilRefused(kiosk, 'size-limit', numbers);
    expect(refused).toEqual(STORAGE_UNAVAILABLE);
    const degraded = await kiosk.get<HealthResponse>('/api/health');
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      checks: { storage: { ok: false, code: 'storage_unavailable' } },
    });

    db.pragma(`max_page_count = ${unlimited}`);
    expect(await kiosk.get('/api/health')).toMatchObject({ status: 200, body: HEALTHY });
    await expectNumbersFollowOn(kiosk, key, numbers);
  });
});

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-full-disk-'));
const cannotMount = mountTmpfs(mountPoint);
// A container without the privilege to mount (even as root) cannot run this test, in CI
// or not: it is listed as skipped, never as passed, and the size-limit test above covers
// the same behaviour. A mount that fails for any other reason is a broken setup: CI fails.
const skipTmpfs = cannotMount !== null && (cannotMount.refused || !process.env.CI);
if (skipTmpfs) {
  fs.rmSync(mountPoint, { recursive: true, force: true });
  console.warn(
    `\n*** FULL-DISK TMPFS TEST SKIPPED (${cannotMount.reason}) Run the tests as root with ` +
      'the privilege to mount to include it. ***\n',
  );
}

(skipTmpfs ? describe.skip : describe)(
  skipTmpfs ? `on a full disk (SKIPPED: ${cannotMount.reason})` : 'on a full disk',
  () => {
    let server: TestServer | undefined;
    const filler = path.join(mountPoint, 'filler');

    beforeAll(async () => {
      if (cannotMount) throw new Error(`The full-disk test must run in CI: ${cannotMount.reason}`);
      server = await startTestServer({ dataDir: path.join(mountPoint, 'data') });
    });

    afterAll(async () => {
      try {
        fs.rmSync(filler, { force: true });
        await server?.stop();
      } finally {
        if (!cannotMount) execFileSync('umount', [mountPoint]);
        fs.rmSync(mountPoint, { recursive: true, force: true });
      }
    });

    test('issuing answers 503 storage_unavailable, health says degraded, and both recover when space is freed', async () => {
      const url = server?.url ?? '';
      const kiosk = new ApiClient(url);
      const numbers = [(await kiosk.issue(DKKD)).ticket.number];

      expect(fillDisk(filler)).toBeGreaterThan(0);
      // The WAL may still have room for a few commits; each answer is a number or a clean 503.
      const { refused, key } = await issueUntilRefused(kiosk, 'full-disk', numbers);
      expect(refused).toEqual(STORAGE_UNAVAILABLE);
      const degraded = await kiosk.get<HealthResponse>('/api/health');
      expect(degraded.status).toBe(503);
      expect(degraded.body).toMatchObject({
        status: 'degraded',
        checks: { diskSpace: { ok: false, code: 'storage_unavailable' } },
      });

      fs.rmSync(filler);
      expect(await kiosk.get('/api/health')).toMatchObject({ status: 200, body: HEALTHY });
      await expectNumbersFollowOn(kiosk, key, numbers);
    });
  },
);
