import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/src/storage/database';
import { ApiClient } from '../support/api-client';
import { tempDataDir } from '../support/test-server';

const ROUNDS = 20;
const START = Date.UTC(2026, 10, 27, 2, 0, 0);
const SERVICES = [1, 2, 7];

/** Starts the server in its own process and resolves with it and its URL. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(__dirname, '../support/child-server.ts'),
        dataDir,
        String(START),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.split('\n')[0];
      if (out.includes('\n') && url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`server exited ${code}: ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Sends issues and calls in parallel until the server dies; returns the acknowledged tickets. */
async function burst(
  url: string,
  acknowledged: Map<number, string>,
  stop: () => boolean,
): Promise<void> {
  const kiosk = new ApiClient(url);
  const clerk = new ApiClient(url);
  await clerk.login('admin', 'crash-test-password').catch(() => undefined);
  // Numbers are called only to a counter someone holds.
  await clerk.post('/api/counters/1/sign-in').catch(() => undefined);
  const worker = async (index: number) => {
    for (let i = 0; !stop() && i < 500; i++) {
      try {
        if (index === 0) {
          await clerk.post('/api/counters/1/call-next', {}, { 'Idempotency-Key': randomUUID() });
          // Started, so that the next call-next finishes it and calls again.
          await clerk.post('/api/counters/1/start', {}, { 'Idempotency-Key': randomUUID() });
          continue;
        }
        const serviceId = SERVICES[i % SERVICES.length] as number;
        const response = await kiosk.post<{ ticket: { id: number; number: string } }>(
          '/api/tickets',
          { serviceId },
          { 'Idempotency-Key': randomUUID() },
        );
        if (response.status === 201)
          acknowledged.set(response.body.ticket.id, response.body.ticket.number);
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
}

describe('the server killed with SIGKILL during a burst of issues and calls', () => {
  test(`loses no acknowledged ticket and reuses no number over ${ROUNDS} rounds`, async () => {
    const dataDir = tempDataDir();
    const acknowledged = new Map<number, string>();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const { child, url } = await startChild(dataDir);
        let dead = false;
        const traffic = burst(url, acknowledged, () => dead);
        await new Promise((resolve) => setTimeout(resolve, 80 + ((round * 37) % 150)));
        await killed(child);
        dead = true;
        await traffic;
      }

      const db = openDatabase(path.join(dataDir, 'luot.db'));
      try {
        expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe(
          'ok',
        );
        const rows = db.all<{
          id: number;
          number: string;
          service_id: number;
          day: string;
          sequence: number;
        }>('SELECT id, number, original_service_id AS service_id, day, sequence FROM tickets');
        const byId = new Map(rows.map((row) => [row.id, row.number]));
        expect(acknowledged.size).toBeGreaterThan(ROUNDS);
        for (const [id, number] of acknowledged) expect(byId.get(id)).toBe(number);
        for (const serviceId of SERVICES) {
          const sequences = rows
            .filter((row) => row.service_id === serviceId)
            .map((row) => row.sequence)
            .sort((a, b) => a - b);
          // Each number was handed out exactly once, with no gap: nothing half-written survived.
          expect(sequences).toEqual(sequences.map((_s, i) => i + 1));
        }
        const seqs = db
          .all<{ seq: number }>('SELECT seq FROM events ORDER BY seq')
          .map((e) => e.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
