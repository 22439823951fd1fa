import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatTicketNumber } from '../../../server/src/domain/numbering';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { openChildQueue } from '../../support/child-queue';
import { prepareOneServiceDatabase } from '../../support/one-service-db';
import { tempDataDir } from '../../support/test-server';

const ROOT = path.resolve(__dirname, '../../..');
const SUPPORT = path.join(ROOT, 'test', 'support');

/** 09:00 on 27 November 2026 in Hồ Chí Minh City. */
const AT = Date.UTC(2026, 10, 27, 2, 0, 0);
const DAY = '2026-11-27';

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/**
 * Runs a child script in one node process with tsx as a loader; `onLine` sees
 * each complete stdout line as it arrives and may kill the child. Not the tsx
 * CLI: it runs the script in a grandchild, which a SIGKILL to the CLI misses.
 */
function runChild(
  script: string,
  args: string[],
  onLine: (line: string, kill: () => void) => void = () => undefined,
): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(SUPPORT, script), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        onLine(line, () => child.kill('SIGKILL'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
  });
}

/** Everything a ticket issue writes, read on a fresh connection. */
function stateOf(db: Database) {
  return {
    tickets: db.all<{ number: string; sequence: number }>(
      'SELECT number, sequence FROM tickets ORDER BY id',
    ),
    sequences: db.all<{ day: string; last_value: number }>(
      'SELECT day, last_value FROM ticket_sequences',
    ),
    events: db.all<{ type: string }>('SELECT type FROM events ORDER BY seq'),
    idempotencyKeys: db.get<{ n: number }>('SELECT COUNT(*) AS n FROM idempotency_keys')?.n,
  };
}

const integrityOf = (db: Database) => db.raw.pragma('integrity_check', { simple: true });

describe('issuing a ticket when the process is killed', () => {
  let dataDir: string;
  let file: string;
  let serviceId: number;
  let db: Database | undefined;

  beforeEach(() => {
    dataDir = tempDataDir();
    ({ file, serviceId } = prepareOneServiceDatabase(dataDir));
  });

  afterEach(() => {
    db?.close();
    db = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function issueOneNormally(): string {
    const { repos, issuer } = openChildQueue(file, AT);
    const number = issuer.issueTicket({ serviceId }).value.ticket.number;
    repos.db.close();
    return number;
  }

  test.each([
    ['after the ticket row and before its event', 'after-ticket', { tickets: 2, events: 1 }],
    ['after the event and before the idempotency record', 'after-event', { tickets: 2, events: 2 }],
  ])('leaves nothing half-written when killed %s', async (_when, point, seenByChild) => {
    // Arrange
    const first = issueOneNormally();

    // Act
    const exit = await runChild('child-crash-mid-issue.ts', [
      file,
      String(serviceId),
      String(AT),
      point,
    ]);
    db = openDatabase(file);

    // Assert: the child died inside the transaction, after its writes...
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.stderr).toBe('');
    expect(exit.lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { inTransaction: true, ...seenByChild, lastSequence: 2 },
    ]);
    // ...and none of them survived.
    expect(first).toBe('A001');
    expect(stateOf(db)).toEqual({
      tickets: [{ number: 'A001', sequence: 1 }],
      sequences: [{ day: DAY, last_value: 1 }],
      events: [{ type: 'ticket:issued' }],
      idempotencyKeys: 0,
    });
    expect(integrityOf(db)).toBe('ok');
  });

  test('keeps every acknowledged ticket and never reuses a number after a SIGKILL', async () => {
    // Arrange
    const acknowledgeBeforeKill = 25;
    let seen = 0;

    // Act
    const exit = await runChild(
      'child-issue-loop.ts',
      [file, String(serviceId), String(AT)],
      (_line, kill) => {
        seen += 1;
        if (seen === acknowledgeBeforeKill) kill();
      },
    );
    db = openDatabase(file);

    // Assert
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.stderr).toBe('');
    const acknowledged = exit.lines;
    expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgeBeforeKill);
    expect(acknowledged.slice(0, 3)).toEqual(['A001', 'A002', 'A003']);
    expect(integrityOf(db)).toBe('ok');
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);

    const { tickets, sequences } = stateOf(db);
    const stored = tickets.map((ticket) => ticket.number);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    const committed = tickets.length;
    expect(tickets.map((ticket) => ticket.sequence)).toEqual(
      Array.from({ length: committed }, (_v, i) => i + 1),
    );
    expect(sequences).toEqual([{ day: DAY, last_value: committed }]);
    db.close();
    db = undefined;

    const next = issueOneNormally();
    expect(next).toBe(formatTicketNumber('A', committed + 1));
    expect(acknowledged).not.toContain(next);
  });
});
