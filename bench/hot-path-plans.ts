import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Database, Params } from '../server/src/storage/database';
import { ApiClient } from '../test/support/api-client';
import { staffCounters } from '../test/support/staffing';
import { ManualClock, startTestServer } from '../test/support/test-server';
import { AFTER_HISTORY, cachedHistory, copyOf } from './history-cache';

/**
 * Every SQL statement the ticket issue and call paths run, with SQLite's plan on ten years
 * of history (≈3,000,000 tickets), and the time of each request. Flags a plan that scans or
 * sorts a table that grows with history: such a query costs more every day the centre runs.
 * `npx tsx bench/hot-path-plans.ts [years]` (default 10).
 */
const GROWING = [
  'tickets',
  'events',
  'audit_log',
  'ratings',
  'print_jobs',
  'idempotency_keys',
  'report_days',
  'counter_pauses',
  'counter_shifts',
  'ticket_sequences',
];
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const years = Number(process.argv[2] ?? 10);
  const history = await cachedHistory(years, out);
  const dataDir = copyOf(history.file);
  const clock = new ManualClock(AFTER_HISTORY);
  const server = await startTestServer({ clock, dataDir });
  const seen = new Map<string, { params: Params; steps: Set<string> }>();
  let step = '';
  try {
    const db = server.server.application.repos.db as {
      -readonly [K in keyof Database]: Database[K];
    };
    for (const method of ['all', 'get', 'run'] as const) {
      const original = db[method].bind(db) as (sql: string, params?: Params) => unknown;
      (db as Record<string, unknown>)[method] = (sql: string, params?: Params) => {
        if (step) {
          const entry = seen.get(sql) ?? { params: params ?? [], steps: new Set<string>() };
          entry.steps.add(step);
          seen.set(sql, entry);
        }
        return original(sql, params);
      };
    }
    staffCounters(server, [1]);
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const kiosk = new ApiClient(server.url);
    const timedStep = async (name: string, run: () => Promise<{ status: number }>) => {
      step = name;
      const start = performance.now();
      const response = await run();
      const took = performance.now() - start;
      step = '';
      if (response.status >= 300) throw new Error(`${name}: ${response.status}`);
      out(`  ${name.padEnd(32)} ${took.toFixed(1).padStart(8)} ms`);
    };
    out(`\nRequests on ${years} year(s) of history:`);
    for (let round = 0; round < 3; round++) {
      clock.advance(60_000);
      await timedStep('POST /api/tickets', () => kiosk.post('/api/tickets', { serviceId: 1 }));
      await timedStep('POST call-next', () => admin.post('/api/counters/1/call-next', {}));
      await timedStep('POST start', () => admin.post('/api/counters/1/start', {}));
      clock.advance(5 * 60_000);
      await timedStep('POST finish', () => admin.post('/api/counters/1/finish', {}));
    }

    out('\nStatements and their plans:');
    let flagged = 0;
    for (const [sql, { params, steps }] of seen) {
      const plan = server.server.application.repos.db.raw
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...(Array.isArray(params) ? params : [params])) as Array<{ detail: string }>;
      const bad = plan.filter(({ detail }) =>
        GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(detail)),
      );
      if (bad.length > 0) flagged += 1;
      out(`\n[${[...steps].join(', ')}]${bad.length > 0 ? '  GROWS WITH HISTORY' : ''}`);
      out(`  ${sql.replace(/\s+/g, ' ').trim()}`);
      for (const { detail } of plan) out(`    ${detail}`);
    }
    out(`\n${seen.size} statements, ${flagged} with a scan or sort over a growing table`);
    if (flagged > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
