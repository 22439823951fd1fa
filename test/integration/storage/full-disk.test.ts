import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthResponse, IssueTicketResponse } from '../../../server/src/contract/http';
import { translate } from '../../../server/src/contract/i18n';
import { ApiClient, type ApiResponse } from '../../support/api-client';
import { startTestServer, type TestServer } from '../../support/test-server';

const DKKD = 1;
/** Small enough to fill in a moment, big enough for the demo centre's database. */
const TMPFS_SIZE = '8m';
/** The running number of a ticket number such as `DKKD-007`. */
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);

/** Mounts a fresh tmpfs now, while tests are collected, or says why it cannot. */
function mountTmpfs(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `mount -t tmpfs failed: ${stderr || (error as Error).message}`;
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

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-full-disk-'));
const cannotMount = mountTmpfs(mountPoint);
if (cannotMount && !process.env.CI) {
  console.warn(
    `\n*** FULL-DISK TEST SKIPPED: ${cannotMount}. Run the tests as root to include it; ` +
      'in CI this fails. ***\n',
  );
}

// Without a tmpfs its tests are listed as skipped, never as passed; in CI they fail instead.
(cannotMount && !process.env.CI ? describe.skip : describe)('on a full disk', () => {
  let server: TestServer | undefined;
  const filler = path.join(mountPoint, 'filler');

  beforeAll(async () => {
    if (cannotMount) throw new Error(`The full-disk test must run in CI: ${cannotMount}`);
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
    let refused: ApiResponse | null = null;
    let key = '';
    for (let attempt = 0; attempt < 100 && refused === null; attempt += 1) {
      key = `full-disk-${attempt}`;
      const response = await kiosk.post<IssueTicketResponse>(
        '/api/tickets',
        { serviceId: DKKD },
        { 'Idempotency-Key': key },
      );
      if (response.status === 201) numbers.push(response.body.ticket.number);
      else refused = response;
    }
    expect(refused).toEqual({
      status: 503,
      headers: expect.anything(),
      body: {
        error: {
          code: 'storage_unavailable',
          message: translate('vi', 'error.storage_unavailable'),
        },
      },
    });
    const degraded = await kiosk.get<HealthResponse>('/api/health');
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      checks: { diskSpace: { ok: false, code: 'storage_unavailable' } },
    });

    fs.rmSync(filler);
    expect(await kiosk.get('/api/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { storage: { ok: true }, diskSpace: { ok: true } } },
    });
    // The refused attempt, retried with its key, now gets the next number: none reused or lost.
    const retried = await kiosk.post<IssueTicketResponse>(
      '/api/tickets',
      { serviceId: DKKD },
      { 'Idempotency-Key': key },
    );
    expect(retried.status).toBe(201);
    numbers.push(retried.body.ticket.number, (await kiosk.issue(DKKD)).ticket.number);
    const first = sequenceOf(numbers[0] ?? '');
    expect(numbers.map(sequenceOf)).toEqual(numbers.map((_n, i) => first + i));
  });
});
