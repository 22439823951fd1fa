import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { REPORT_GROUPINGS } from '../server/src/contract/reports';
import { seedHistory } from '../scripts/history/seed';
import { ApiClient } from '../test/support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../test/support/test-server';

/**
 * `GET /api/reports/summary` over one and ten years of seeded history (≈300,000 tickets a
 * year, as the issue sizes a centre: `--per-day 1100`), over HTTP against the real server,
 * for every grouping: the first call, then the median of five. While reports run it
 * measures the event loop's longest block and the kiosks' ticket-issue rate against the
 * same load with no report (client and server share this process, as in the other
 * benches). The seeded databases are cached in bench/.cache/ (git-ignored) and copied
 * for each run, so the cache stays as seeded; delete the folder to seed again.
 */
const CACHE = path.join(__dirname, '.cache');
const END = '2026-11-30';
const PER_DAY = 1100;
/** The server's clock: 1 December 2026, 09:00 in Hồ Chí Minh City, the day after the history. */
const NOW = Date.UTC(2026, 11, 1, 2, 0, 0);
const TARGET_MS: Record<number, number> = { 1: 200, 10: 2000 };
const LOOP_BLOCK_TARGET_MS = 20;
const ISSUE_WINDOW_MS = 4000;
const ISSUERS = 4;

const misses: string[] = [];
const out = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/** The cached database of `years` of history, seeded (and timed) when missing. */
async function cachedHistory(years: number): Promise<{ file: string; from: string }> {
  const dir = path.join(CACHE, `history-${years}y-${PER_DAY}-${END}`);
  const file = path.join(dir, 'luot.db');
  const marker = path.join(dir, 'seeded.json');
  if (fs.existsSync(marker))
    return JSON.parse(fs.readFileSync(marker, 'utf8')) as { file: string; from: string };
  fs.rmSync(dir, { recursive: true, force: true });
  const result = await seedHistory({
    databaseFile: file,
    years,
    end: END,
    seed: 'bench',
    perDay: PER_DAY,
    now: NOW,
    log: (line) => out(`  ${line}`),
  });
  out(
    `seed:history --years ${years} --per-day ${PER_DAY}: ${result.tickets.toLocaleString('en')} tickets ` +
      `in ${(result.seedMs / 1000).toFixed(1)} s, packs ${(result.packMs / 1000).toFixed(1)} s`,
  );
  if (years === 10 && result.seedMs > 120_000)
    misses.push(`seeding 10 years took ${(result.seedMs / 1000).toFixed(0)} s (target 120 s)`);
  fs.writeFileSync(marker, JSON.stringify({ file, from: result.from }));
  return { file, from: result.from };
}

/** A copy of the cached database in a fresh data folder, for one server. */
function copyOf(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-bench-reports-'));
  fs.copyFileSync(file, path.join(dir, 'luot.db'));
  return dir;
}

async function timed(client: ApiClient, url: string): Promise<number> {
  const start = performance.now();
  const response = await client.get(url);
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return ms;
}

/** Tickets issued in the window by `ISSUERS` kiosks back to back, per second. */
async function issueRate(server: TestServer, clock: ManualClock): Promise<number> {
  const until = performance.now() + ISSUE_WINDOW_MS;
  let issued = 0;
  await Promise.all(
    Array.from({ length: ISSUERS }, async (_, k) => {
      const kiosk = new ApiClient(server.url);
      for (let i = 0; performance.now() < until; i++) {
        // The open kiosk policy allows 30 tickets a minute per address: space them.
        clock.advance(2_500);
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

async function benchYears(years: number): Promise<void> {
  const history = await cachedHistory(years);
  const dataDir = copyOf(history.file);
  const clock = new ManualClock(NOW);
  const server = await startTestServer({ clock, dataDir });
  try {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const base = `/api/reports/summary?from=${history.from}&to=${END}`;
    out(`\n${years} year(s) of history (${history.from} … ${END}), target ${TARGET_MS[years]} ms`);
    // The loop's longest block while reports run with nothing else (the kiosks' own
    // requests block it too below: on a long history the issue path's estimate query does).
    const alonePauses = monitorEventLoopDelay({ resolution: 1 });
    alonePauses.enable();
    for (const groupBy of REPORT_GROUPINGS) {
      const url = `${base}&groupBy=${groupBy}`;
      const first = await timed(admin, url);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await timed(admin, url));
      const m = median(runs);
      const ok = m < (TARGET_MS[years] ?? Infinity);
      if (!ok) misses.push(`${years} y by ${groupBy}: median ${m.toFixed(0)} ms`);
      out(
        `  GET summary groupBy=${groupBy.padEnd(8)} first ${first.toFixed(0).padStart(6)} ms  ` +
          `median of 5 ${m.toFixed(0).padStart(6)} ms  ${ok ? 'ok' : 'MISSED'}`,
      );
    }

    alonePauses.disable();
    const reportBlockMs = alonePauses.max / 1e6;
    out(
      `  longest event-loop block while reports run alone ${reportBlockMs.toFixed(1)} ms ` +
        `(target ≤ ${LOOP_BLOCK_TARGET_MS} ms) ${reportBlockMs <= LOOP_BLOCK_TARGET_MS ? 'ok' : 'MISSED'}`,
    );
    if (reportBlockMs > LOOP_BLOCK_TARGET_MS)
      misses.push(`${years} y: event loop blocked ${reportBlockMs.toFixed(1)} ms by reports alone`);

    // Kiosks issuing alone, then while reports run back to back; the loop's longest block.
    const alone = await issueRate(server, clock);
    const loop = monitorEventLoopDelay({ resolution: 1 });
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
    loop.enable();
    const busy = await issueRate(server, clock);
    loop.disable();
    reporting = false;
    await reporter;
    const blockMs = loop.max / 1e6;
    const ratio = busy / alone;
    out(
      `  POST /api/tickets (${ISSUERS} kiosks): alone ${alone.toFixed(0)}/s, with reports running ` +
        `${busy.toFixed(0)}/s (${ratio.toFixed(2)}×, ${reports} reports); longest event-loop ` +
        `block ${blockMs.toFixed(1)} ms (target ≤ ${LOOP_BLOCK_TARGET_MS} ms) ` +
        (blockMs <= LOOP_BLOCK_TARGET_MS ? 'ok' : 'MISSED'),
    );
    if (blockMs > LOOP_BLOCK_TARGET_MS)
      misses.push(`${years} y: event loop blocked ${blockMs.toFixed(1)} ms while issuing`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(CACHE, { recursive: true });
  for (const years of [1, 10]) await benchYears(years);
  out(
    misses.length === 0 ? '\nreports: every target met' : `\nreports: MISSED ${misses.join('; ')}`,
  );
  if (misses.length > 0) process.exitCode = 1;
}

void main();
