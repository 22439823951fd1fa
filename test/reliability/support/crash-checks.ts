import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import type { LoadRecord } from './mixed-load';

/** What the stored data says after a restart, for the crash test's assertions. */
export interface StoredFacts {
  integrity: string;
  /** Ticket id → number, service issued for, day and running number. */
  tickets: Map<number, { number: string; serviceId: number; day: string; sequence: number }>;
  /** `type|ticketId|field=value` of every stored ticket event, for acknowledged changes. */
  traces: Set<string>;
  /** Ticket ids with a print job. */
  printed: Set<number>;
  /** Seqs of the stored `ticket:called` events. */
  callSeqs: number[];
  ratings: Map<number, number>;
  maxSeq: number;
}

/** The key an acknowledged change leaves in `StoredFacts.traces`. */
export const traceKey = (type: string, ticketId: number, field: string, value: unknown): string =>
  `${type}|${ticketId}|${field}=${JSON.stringify(value)}`;

const TRACED_FIELDS = ['calledAt', 'servingAt', 'finishedAt', 'parkedAt', 'transferCount'];

/**
 * Reads the data folder's database through a read-only connection of its own, beside the
 * running server (WAL lets it read while the server writes; read-only, it never
 * checkpoints or recovers anything in the server's place).
 */
export function readStoredFacts(dataDir: string): StoredFacts {
  const db = new BetterSqlite3(path.join(dataDir, 'luot.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const tickets = new Map<
      number,
      { number: string; serviceId: number; day: string; sequence: number }
    >();
    for (const row of db
      .prepare('SELECT id, number, original_service_id AS serviceId, day, sequence FROM tickets')
      .all() as {
      id: number;
      number: string;
      serviceId: number;
      day: string;
      sequence: number;
    }[]) {
      tickets.set(row.id, row);
    }
    const traces = new Set<string>();
    const callSeqs: number[] = [];
    for (const row of db
      .prepare("SELECT seq, type, payload FROM events WHERE type LIKE 'ticket:%' ORDER BY seq")
      .all() as { seq: number; type: string; payload: string }[]) {
      if (row.type === 'ticket:called') callSeqs.push(row.seq);
      const ticket = (JSON.parse(row.payload) as { ticket?: Record<string, unknown> }).ticket;
      if (ticket === undefined) continue;
      for (const field of TRACED_FIELDS) {
        traces.add(traceKey(row.type, ticket.id as number, field, ticket[field]));
      }
    }
    const printed = new Set(
      (db.prepare('SELECT ticket_id FROM print_jobs').all() as { ticket_id: number }[]).map(
        (row) => row.ticket_id,
      ),
    );
    const ratings = new Map(
      (
        db.prepare('SELECT ticket_id, level FROM ratings').all() as {
          ticket_id: number;
          level: number;
        }[]
      ).map((row) => [row.ticket_id, row.level]),
    );
    const maxSeq = (db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    return { integrity, tickets, traces, printed, callSeqs, ratings, maxSeq };
  } finally {
    db.close();
  }
}

/** Every way the stored data breaks the crash test's promises; empty when it keeps them all. */
export function brokenPromises(facts: StoredFacts, record: LoadRecord): string[] {
  const problems: string[] = [];
  if (facts.integrity !== 'ok') problems.push(`integrity_check: ${facts.integrity}`);
  for (const [key, issued] of record.issued) {
    const stored = facts.tickets.get(issued.id);
    if (stored?.number !== issued.number)
      problems.push(
        `acknowledged ticket ${issued.number} (key ${key}) is ${stored?.number ?? 'lost'}`,
      );
    if (!facts.printed.has(issued.id)) problems.push(`ticket ${issued.number} has no print job`);
  }
  for (const change of record.changes) {
    const kept =
      change.type === 'rating'
        ? facts.ratings.get(change.ticketId) === change.value
        : facts.traces.has(traceKey(change.type, change.ticketId, change.field, change.value));
    if (!kept) problems.push(`acknowledged ${change.type} of ticket ${change.ticketId} lost`);
  }
  // Per service and day the running numbers are 1..n, each once: none reused, none skipped.
  const sequences = new Map<string, number[]>();
  const numbers = new Set<string>();
  for (const ticket of facts.tickets.values()) {
    const key = `${ticket.serviceId}|${ticket.day}`;
    sequences.set(key, [...(sequences.get(key) ?? []), ticket.sequence]);
    const number = `${ticket.day}|${ticket.number}`;
    if (numbers.has(number)) problems.push(`number ${ticket.number} given twice on ${ticket.day}`);
    numbers.add(number);
  }
  for (const [key, list] of sequences) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.some((sequence, i) => sequence !== i + 1))
      problems.push(
        `service|day ${key}: running numbers ${sorted.join(',')} are not 1..${sorted.length}`,
      );
  }
  return problems;
}

/** Print jobs not yet printed (queued, printing or waiting to retry). */
export function printJobsLeft(dataDir: string): number {
  const db = new BetterSqlite3(path.join(dataDir, 'luot.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return (
      db
        .prepare("SELECT COUNT(*) AS n FROM print_jobs WHERE status IN ('queued', 'printing')")
        .get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}
