import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPORT_GROUPINGS } from '../server/src/contract/reports';
import { SERVER_NODE_FLAGS } from '../server/src/node-flags';
import { openDatabase } from '../server/src/storage/database';
import { ApiClient } from '../test/support/api-client';
import {
  AFTER_HISTORY,
  cachedHistory,
  copyOf,
  HISTORY_END,
  type CachedHistory,
} from './history-cache';
import { pacedIssue, pacedRows, type ServerTimes } from './paced-issue';
import type { ChildReply, ChildRequest } from './server-child';

/**
 * `GET /api/reports/summary` over one and ten years of seeded history (≈300,000 tickets a
 * year, see history-cache.ts), over HTTP against the real server running in a process of
 * its own (bench/server-child.ts), which reports its own event loop's longest block: the
 * client's work (parsing a big report) never counts as the server's. For every grouping:
 * the first call, then the median of five. Then tickets issued at a centre's pace (50/s and
 * 10/s, paced-issue.ts): latency alone and during reports; then the saturating issue rate
 * (CPU-bound) alone and while reports run back to back, the start-up time on each history, and the event loop while
 * a server builds the packs of a year that has none. Prints a table with pass/fail per
 * target; exits 1 when one is missed.
 */
const TARGET_MS: Record<number, number> = { 1: 200, 10: 2000 };
const LOOP_BLOCK_TARGET_MS = 20;
const ISSUE_RATIO_TARGET = 0.9;
const HEALTH_TARGET_MS = 1000;
const ISSUE_WINDOW_MS = 5000;
const ISSUERS = 4;
/**
 * Paced issuing: windows alone and with reports alternate, `rounds` of each. At 10/s,
 * eight rounds give 600 samples a side: a p99 is then the 6th slowest, not the 3rd, and
 * the ratio of two p99s stops swinging with one hiccup of the machine (with 300 it
 * read 1.17–1.56× over today's runs of the same code).
 */
const PACED = [
  { perSecond: 50, windowMs: 5000, rounds: 4 },
  { perSecond: 10, windowMs: 7500, rounds: 8 },
];
const PASSWORD = 'bench-admin-password';

interface Row {
  measure: string;
  years: number;
  value: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const out = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

function record(row: Row): void {
  rows.push(row);
  const verdict = row.ok === null ? '' : row.ok ? '  ok' : '  MISSED';
  out(`  ${row.measure.padEnd(58)} ${row.value.padStart(24)}  ${row.target}${verdict}`);
}

/** A loop's longest block and 99th percentile, and an idle process's longest beside it (ms). */
interface LoopFigures {
  maxMs: number;
  p99Ms: number;
  idleMaxMs: number;
}

/**
 * The server in its own process, over a copy of a history, and beside it an idle Node
 * process (bench/idle-loop-child.ts) whose loop is measured over the same windows: the
 * machine's own blocks, which the server's figure includes too.
 */
class ChildServer {
  readonly spawnedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly idle = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'idle-loop-child.ts')],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  private idleReplies: Array<(maxMs: number) => void> = [];
  private readonly replies: ChildReply[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly dataDir: string) {
    this.child = spawn(
      process.execPath,
      [
        ...SERVER_NODE_FLAGS,
        '--import',
        'tsx',
        path.join(__dirname, 'server-child.ts'),
        dataDir,
        String(AFTER_HISTORY),
        PASSWORD,
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    this.child.on('message', (reply: ChildReply) => {
      this.replies.push(reply);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.child.on('exit', () => this.waiters.splice(0).forEach((wake) => wake()));
    this.idle.on('message', (reply: { type: string; maxMs?: number }) => {
      if (reply.type === 'loop') this.idleReplies.shift()?.(reply.maxMs ?? NaN);
    });
  }

  /** The next reply of `type`. */
  private async next<T extends ChildReply['type']>(
    type: T,
  ): Promise<Extract<ChildReply, { type: T }>> {
    for (;;) {
      const index = this.replies.findIndex((r) => r.type === type || r.type === 'error');
      if (index >= 0) {
        const [reply] = this.replies.splice(index, 1);
        if (reply!.type === 'error') throw new Error(`server: ${reply!.message}`);
        return reply as Extract<ChildReply, { type: T }>;
      }
      if (this.child.exitCode !== null) throw new Error(`server exited ${this.child.exitCode}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** The server's ready reply; the idle process's window starts then too, like the server's. */
  async ready() {
    const ready = await this.next('ready');
    this.idleReplies.push(() => {});
    this.idle.send({ type: 'loop' });
    return ready;
  }

  /** The server loop's longest block and 99th percentile since the last call, and the idle one's. */
  async loop(): Promise<LoopFigures> {
    const idleMaxMs = new Promise<number>((resolve) => this.idleReplies.push(resolve));
    this.idle.send({ type: 'loop' });
    this.child.send({ type: 'loop' } satisfies ChildRequest);
    const { maxMs, p99Ms } = await this.next('loop');
    return { maxMs, p99Ms, idleMaxMs: await idleMaxMs };
  }

  /** The server's own times (ms) of the issues answered since the last call. */
  async issueTimes(): Promise<ServerTimes> {
    this.child.send({ type: 'issues' } satisfies ChildRequest);
    const { serverMs, cpuMs, runQueueMs } = await this.next('issues');
    return { serverMs, cpuMs, runQueueMs };
  }

  async stop(): Promise<void> {
    if (this.idle.exitCode === null) this.idle.send({ type: 'stop' });
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.send({ type: 'stop' } satisfies ChildRequest);
      await exited;
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Starts a server on `dataDir`; records its start-up; answers it with its URL. */
async function started(dataDir: string, years: number, label: string) {
  const server = new ChildServer(dataDir);
  const ready = await server.ready();
  const health = await fetch(`${ready.url}/api/health`);
  const healthAt = performance.now();
  if (health.status !== 200) throw new Error(`/api/health: ${health.status}`);
  // The child's process starts at about `spawnedAt` (a little later: the figures are upper bounds).
  const fromProcess = healthAt - server.spawnedAt;
  const fromStartServer = fromProcess - (ready.sinceProcessStartMs - ready.startMs);
  record({
    measure: `${label}: startServer() → listening`,
    years,
    value: ms(ready.startMs),
    target: '',
    ok: null,
  });
  record({
    measure: `${label}: process start → /api/health 200 (under tsx)`,
    years,
    value: ms(fromProcess),
    target: '',
    ok: null,
  });
  record({
    measure: `${label}: server loop, longest block before listening`,
    years,
    value: ms(ready.startupBlockMs),
    target: '',
    ok: null,
  });
  record({
    measure: `${label}: startServer() → /api/health 200`,
    years,
    value: ms(fromStartServer),
    target: `< ${HEALTH_TARGET_MS} ms`,
    ok: fromStartServer < HEALTH_TARGET_MS,
  });
  return { server, url: ready.url };
}

/** One report's time to its last byte; the body is never parsed here (the client's CPU). */
async function timed(client: ApiClient, url: string): Promise<number> {
  const start = performance.now();
  const response = await client.fetchBytes(url);
  const took = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return took;
}

/** Tickets issued per second in the window by `ISSUERS` signed-in clients back to back. */
async function issueRate(kiosks: ApiClient[]): Promise<number> {
  const until = performance.now() + ISSUE_WINDOW_MS;
  let issued = 0;
  await Promise.all(
    kiosks.map(async (kiosk, k) => {
      for (let i = 0; performance.now() < until; i++) {
        const response = await kiosk.post(
          '/api/tickets',
          { serviceId: 1 + ((i + k) % 9) },
          { 'Idempotency-Key': randomUUID() },
        );
        if (response.status !== 201) throw new Error(`issue: ${response.status}`);
        issued += 1;
      }
    }),
  );
  return issued / (ISSUE_WINDOW_MS / 1000);
}

const loopRow = (
  years: number,
  measure: string,
  { maxMs, p99Ms, idleMaxMs }: LoopFigures,
  target = true,
): void =>
  record({
    measure,
    years,
    value: `${ms(maxMs)} (p99 ${ms(p99Ms)}; idle process ${ms(idleMaxMs)})`,
    target: target ? `≤ ${LOOP_BLOCK_TARGET_MS} ms` : '',
    ok: target ? maxMs <= LOOP_BLOCK_TARGET_MS : null,
  });

async function benchYears(years: number, history: CachedHistory): Promise<void> {
  out(`\n${years} year(s) of history (${history.from} … ${HISTORY_END})`);
  const { server, url } = await started(copyOf(history.file), years, 'start-up');
  try {
    const admin = new ApiClient(url);
    await admin.login('admin', PASSWORD);
    const kiosks = Array.from({ length: ISSUERS }, () => new ApiClient(url));
    for (const kiosk of kiosks) await kiosk.login('admin', PASSWORD);
    const base = `/api/reports/summary?from=${history.from}&to=${HISTORY_END}`;
    // Starting the report thread is part of the first report.
    await server.loop();
    for (const groupBy of REPORT_GROUPINGS) {
      const first = await timed(admin, `${base}&groupBy=${groupBy}`);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await timed(admin, `${base}&groupBy=${groupBy}`));
      const m = median(runs);
      record({
        measure: `summary groupBy=${groupBy}: median of 5 (first)`,
        years,
        value: `${ms(m)} (${ms(first)})`,
        target: `< ${TARGET_MS[years]} ms`,
        ok: m < (TARGET_MS[years] ?? Infinity),
      });
    }
    loopRow(years, 'server loop, longest block, reports alone', await server.loop());

    for (const { perSecond, windowMs, rounds } of PACED) {
      const samples = await pacedIssue({
        perSecond,
        windowMs,
        rounds,
        kiosks,
        report: async (i) => {
          await timed(admin, `${base}&groupBy=${REPORT_GROUPINGS[i % REPORT_GROUPINGS.length]}`);
        },
        serverTimes: () => server.issueTimes(),
      });
      for (const row of pacedRows(perSecond, samples)) record({ ...row, years });
      out(`    (client's worst lateness against the pace: ${ms(samples.clientLateMaxMs)})`);
    }
    loopRow(
      years,
      'server loop, longest block, paced issuing ± reports',
      await server.loop(),
      false,
    );

    // Saturating: every client sends its next ticket as soon as the last is answered. On two
    // cores the client, the server's main thread and the report thread share the CPU, so the
    // ratio mostly shows CPU sharing, not the server's design.
    const alone = await issueRate(kiosks);
    const aloneBlock = await server.loop();
    let reporting = true;
    let reports = 0;
    const reporter = (async () => {
      while (reporting) {
        await timed(
          admin,
          `${base}&groupBy=${REPORT_GROUPINGS[reports % REPORT_GROUPINGS.length]}`,
        );
        reports += 1;
      }
    })();
    const busy = await issueRate(kiosks);
    const busyBlock = await server.loop();
    reporting = false;
    await reporter;
    record({
      measure: `saturating (CPU-bound): ${ISSUERS} clients back to back, alone`,
      years,
      value: `${alone.toFixed(0)}/s`,
      target: '',
      ok: null,
    });
    record({
      measure: `saturating (CPU-bound): same, while reports run (${reports} reports)`,
      years,
      value: `${busy.toFixed(0)}/s = ${(busy / alone).toFixed(2)}×`,
      target: `≥ ${ISSUE_RATIO_TARGET}×`,
      ok: busy / alone >= ISSUE_RATIO_TARGET,
    });
    // The issue path's own commits (synchronous=FULL) block the loop with or without a
    // report: shown beside each other, the report's share is the difference.
    loopRow(years, 'server loop, longest block, saturating alone', aloneBlock, false);
    loopRow(years, 'server loop, longest block, saturating + reports', busyBlock, false);
  } finally {
    await server.stop();
  }
}

/**
 * A year whose packs are all missing (a first start after an upgrade, or a zone change):
 * the server builds them after start-up; the loop's longest block while it does, and the
 * first report's time.
 */
async function benchColdPacks(history: CachedHistory): Promise<void> {
  out('\n1 year of history with no packs');
  const dataDir = copyOf(history.file);
  const db = openDatabase(path.join(dataDir, 'luot.db'));
  db.run('DELETE FROM report_days');
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const { server, url } = await started(dataDir, 1, 'start-up, no packs');
  try {
    const probe = new ApiClient(url);
    let slowest = 0;
    const until = performance.now() + 4000;
    while (performance.now() < until) {
      const start = performance.now();
      await probe.get('/api/health');
      slowest = Math.max(slowest, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    record({
      measure: 'slowest /api/health in the 4 s after start, packs building',
      years: 1,
      value: ms(slowest),
      target: '',
      ok: null,
    });
    loopRow(1, 'server loop, longest block, packs building', await server.loop());
    const admin = new ApiClient(url);
    await admin.login('admin', PASSWORD);
    const first = await timed(
      admin,
      `/api/reports/summary?from=${history.from}&to=${HISTORY_END}&groupBy=day`,
    );
    record({
      measure: 'first summary groupBy=day',
      years: 1,
      value: ms(first),
      target: '',
      ok: null,
    });
    loopRow(1, 'server loop, longest block, first report', await server.loop());
  } finally {
    await server.stop();
  }
}

/** `--years 1` (or 10) runs only that history's part; both by default. */
function historiesAsked(): number[] {
  const at = process.argv.indexOf('--years');
  if (at < 0) return [1, 10];
  const years = Number(process.argv[at + 1]);
  if (years !== 1 && years !== 10) throw new Error('--years takes 1 or 10');
  return [years];
}

async function main(): Promise<void> {
  const histories = new Map<number, CachedHistory>();
  const asked = historiesAsked();
  for (const years of asked) {
    const history = await cachedHistory(years, out);
    histories.set(years, history);
    if (history.seedMs !== null && years === 10)
      record({
        measure: 'seed:history --years 10',
        years,
        value: `${(history.seedMs / 1000).toFixed(0)} s`,
        target: '< 120 s',
        ok: history.seedMs < 120_000,
      });
    if (history.migrated.versions.length > 0)
      record({
        measure: `migrations ${history.migrated.versions.join(', ')} on the history (once)`,
        years,
        value: ms(history.migrated.ms),
        target: '',
        ok: null,
      });
  }
  for (const years of asked) await benchYears(years, histories.get(years)!);
  if (asked.includes(1)) await benchColdPacks(histories.get(1)!);

  out('\n| Measure | History | Figure | Target | Result |\n|---|---|---|---|---|');
  for (const row of rows)
    out(
      `| ${row.measure} | ${row.years} y | ${row.value} | ${row.target || '—'} | ` +
        `${row.ok === null ? '—' : row.ok ? 'pass' : '**MISSED**'} |`,
    );
  const missed = rows.filter((row) => row.ok === false);
  out(
    missed.length === 0
      ? '\nreports: every target met'
      : `\nreports: MISSED ${missed.map((r) => `${r.measure} (${r.years} y): ${r.value}`).join('; ')}`,
  );
  if (missed.length > 0) process.exitCode = 1;
}

void main();
