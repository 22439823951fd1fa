import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../test/support/api-client';
import { BenchChild } from './bench-child';

/** The admin password of every Luot server the queue bench starts. */
export const PASSWORD = 'bench-admin-password';
/** Tuesday 1 December 2026, 08:00 in Hồ Chí Minh City: a working morning. */
export const MORNING = Date.UTC(2026, 11, 1, 1, 0, 0);
/** The demo centre's counter 1 serves service 1 (business registration) at tier 1. */
export const SERVICE = 1;
export const COUNTER = 1;

export const out = (line: string) => process.stdout.write(`${line}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}
export const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
export const median = (values: readonly number[]) => percentile(values, 0.5);

export function expectStatus(
  response: { status: number; body: unknown },
  status: number,
  what: string,
) {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A started Luot server in its child process, with its kiosk and an admin at counter 1. */
export interface LuotServer {
  child: BenchChild;
  url: string;
  dataDir: string;
  /** startServer() → listening, and the child's process start → listening (ms). */
  startMs: number;
  sinceProcessStartMs: number;
  stop(): Promise<void>;
}

/** Starts the real server over `dataDir` (a fresh folder unless given) in its own process. */
export async function startLuot(dataDir?: string, startAt = MORNING): Promise<LuotServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'luot-queue-bench-'));
  const child = new BenchChild('queue-server-child.ts', [dir, String(startAt), PASSWORD]);
  const ready = await child.next<{ url: string; startMs: number; sinceProcessStartMs: number }>(
    'ready',
  );
  return {
    child,
    url: ready.url,
    dataDir: dir,
    startMs: ready.startMs,
    sinceProcessStartMs: ready.sinceProcessStartMs,
    stop: async () => {
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A kiosk paired through the API (docs/api.md, section 8): its token goes on every issue. */
export class Kiosk {
  private constructor(
    readonly client: ApiClient,
    readonly token: string,
  ) {}

  static async pair(url: string, admin: ApiClient): Promise<Kiosk> {
    const device = new ApiClient(url);
    const request = await device.post<{ requestId: string; code: string }>(
      '/api/devices/pair-requests',
      { kind: 'kiosk', name: 'Kiosk bench' },
    );
    expectStatus(request, 201, 'pair request');
    expectStatus(
      await admin.post('/api/devices/pair', { code: request.body.code, name: 'Kiosk bench' }),
      200,
      'pair',
    );
    const poll = await device.get<{ token: string }>(
      `/api/devices/pair-requests/${request.body.requestId}`,
    );
    expectStatus(poll, 200, 'pair poll');
    return new Kiosk(device, poll.body.token);
  }

  get authorization(): string {
    return `Device ${this.token}`;
  }

  /** Issues one ticket (its own Idempotency-Key); answers its id and the time taken (ms). */
  async issue(serviceId: number): Promise<{ id: number; ms: number }> {
    const start = performance.now();
    const response = await this.client.post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId },
      { authorization: this.authorization, 'Idempotency-Key': randomUUID() },
    );
    const ms = performance.now() - start;
    expectStatus(response, 201, 'issue');
    return { id: response.body.ticket.id, ms };
  }

  /** Issues `count` tickets, `parallel` requests at a time, to the services `serviceOf` picks. */
  async fill(count: number, serviceOf: (i: number) => number, parallel = 4): Promise<number[]> {
    const ids: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < count) {
          const i = next++;
          ids.push((await this.issue(serviceOf(i))).id);
        }
      }),
    );
    return ids;
  }
}

/** The admin signed in, seated at counter 1 with auto-call off (the bench calls by hand). */
export async function adminAtCounter(url: string): Promise<ApiClient> {
  const admin = new ApiClient(url);
  await admin.login('admin', PASSWORD);
  expectStatus(await admin.post(`/api/counters/${COUNTER}/sign-in`), 200, 'counter sign-in');
  expectStatus(
    await admin.post(`/api/counters/${COUNTER}/auto-call`, { enabled: false }),
    200,
    'auto-call off',
  );
  return admin;
}

/** Counter actions, timed (ms), failing on anything but 200. */
export async function act(admin: ApiClient, action: string): Promise<number> {
  const start = performance.now();
  const response = await admin.post(`/api/counters/${COUNTER}/${action}`);
  const ms = performance.now() - start;
  expectStatus(response, 200, action);
  return ms;
}

/** Memory of a child after full collections, bytes. */
export function memoryOf(child: BenchChild) {
  return child.request<{ rss: number; heapUsed: number }>({ type: 'memory' });
}

export function cpuOf(child: BenchChild) {
  return child.request<{ cpuMs: number }>({ type: 'cpu' });
}
