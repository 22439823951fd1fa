import type { Database } from '../../storage/database';
import {
  clipInterval,
  decodeFacts,
  encodeFacts,
  PACK_FORMAT,
  ticketFacts,
  type DayFacts,
  type TicketFactRow,
  type TransferFactRow,
} from './report-facts';
import { dayFrame, daysBetween, type DayFrame } from './report-time';

/**
 * What a report does with packs: `build` reads them and builds the missing ones of closed
 * days; `read` reads those there are; `ignore` reads every day from the tables (tests).
 */
export type PackUse = 'build' | 'read' | 'ignore';

/** Where and when a report reads: the centre's zone, today there, and now. */
export interface FactsScope {
  timeZone: string;
  /** Today in the centre's zone (YYYY-MM-DD): this day and later ones are read live. */
  today: string;
  /** Now (epoch ms): open pauses and shifts count up to here. */
  now: number;
}

interface IntervalRow {
  counter_id: number;
  staff_id: number | null;
  started_at: number;
  ended_at: number | null;
}

const OPEN = 9007199254740991;

const TICKETS_OF_DAY = `SELECT t.id, t.service_id, t.original_service_id, t.counter_id, t.staff_id,
  t.status, t.transfer_count, t.issued_at, t.called_at, t.serving_at, t.finished_at,
  t.target_wait_minutes, t.estimate_minutes, r.level, r.reasons
  FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.day = ? ORDER BY t.id`;

const TRANSFERS_OF_DAY = `SELECT ticket_id, counter_id, staff_id, called_at, transferred_at
  FROM ticket_transfers WHERE day = ? ORDER BY id`;

/**
 * Pauses and shifts overlapping a stretch of time, read once per report (or per pack
 * batch) and handed out day by day: one query instead of one per day.
 */
class Intervals {
  private pauses: IntervalRow[] = [];
  private shifts: IntervalRow[] = [];
  private version = -1;

  constructor(
    private readonly db: Database,
    private readonly startMs: number,
    private readonly endMs: number,
  ) {}

  /** Reads again when a pause or shift changed since the last read. */
  refresh(): void {
    const version =
      this.db.get<{ value: number }>("SELECT value FROM report_meta WHERE key = 'intervals'")
        ?.value ?? 0;
    if (version === this.version) return;
    const overlap = 'WHERE started_at < ? AND COALESCE(ended_at, ?) > ?';
    const params = [this.endMs, OPEN, this.startMs];
    this.pauses = this.db.all<IntervalRow>(
      `SELECT counter_id, staff_id, started_at, ended_at FROM counter_pauses ${overlap}`,
      params,
    );
    this.shifts = this.db.all<IntervalRow>(
      `SELECT counter_id, staff_id, started_at, ended_at FROM counter_shifts ${overlap}`,
      params,
    );
    this.version = version;
  }

  /** The day's facts from the tables; `noTickets` skips the query (a day before any). */
  facts(frame: DayFrame, now: number, noTickets = false): DayFacts {
    if (this.version === -1) this.refresh();
    const rows = noTickets ? [] : this.db.all<TicketFactRow>(TICKETS_OF_DAY, [frame.day]);
    const transfers = noTickets ? [] : this.db.all<TransferFactRow>(TRANSFERS_OF_DAY, [frame.day]);
    const { tickets, reasons, handoffs } = ticketFacts(rows, frame, transfers);
    const clip = (list: IntervalRow[]) =>
      list.flatMap((row) => clipInterval(row, frame, now) ?? []);
    return {
      ...frame,
      count: rows.length,
      tickets,
      reasons,
      pauses: clip(this.pauses),
      shifts: clip(this.shifts),
      handoffs,
    };
  }
}

interface PackRow {
  day: string;
  time_zone: string;
  format: number;
}

/**
 * Every day from `from` to `to`, in order, handed to `each`: a closed day (before today)
 * from its pack, built and stored first when missing or stale (one small write
 * transaction per day, when `build`); today, later days, and closed days not built, read
 * live from the tables. `each` may return a promise (the inline runner yields there).
 */
export async function eachDay(
  db: Database,
  scope: FactsScope,
  range: { from: string; to: string; packs: PackUse; skipPacked?: boolean },
  each: (facts: DayFacts) => void | Promise<void>,
): Promise<void> {
  const days = daysBetween(range.from, range.to);
  if (days.length === 0) return;
  const first = dayFrame(days[0]!, scope.timeZone);
  const last = dayFrame(days[days.length - 1]!, scope.timeZone);
  // Read at the first day not packed: a report over packed days never needs them.
  const intervals = new Intervals(db, first.startMs, last.endMs);
  const packs = new Map(
    db
      .all<PackRow>('SELECT day, time_zone, format FROM report_days WHERE day BETWEEN ? AND ?', [
        range.from,
        range.to,
      ])
      .map((row) => [row.day, row]),
  );
  // Days before the first ticket ever are empty of tickets: not read, not packed.
  const firstDay = db.get<{ day: string | null }>('SELECT MIN(day) AS day FROM tickets')?.day;
  for (const day of days) {
    const frame = dayFrame(day, scope.timeZone);
    if (firstDay == null || day < firstDay) {
      await each(intervals.facts(frame, scope.now, true));
      continue;
    }
    const pack = packs.get(day);
    let facts: DayFacts;
    const stored =
      range.packs !== 'ignore' &&
      pack &&
      pack.time_zone === scope.timeZone &&
      pack.format === PACK_FORMAT
        ? range.skipPacked
          ? 'skip'
          : db.get<{ facts: Uint8Array; extras: string }>(
              'SELECT facts, extras FROM report_days WHERE day = ?',
              [day],
            )
        : undefined;
    if (stored === 'skip') continue;
    if (stored) {
      facts = decodeFacts(frame, stored.facts, stored.extras);
    } else if (day < scope.today && range.packs === 'build') {
      facts = storePack(db, intervals, frame, scope.now);
    } else {
      facts = intervals.facts(frame, scope.now);
    }
    await each(facts);
  }
}

/** Builds and stores one closed day's pack in its own transaction, and answers its facts. */
function storePack(db: Database, intervals: Intervals, frame: DayFrame, now: number): DayFacts {
  return db.transaction(() => {
    // Inside the write lock: nothing can change between this read and the pack's write,
    // and a pause or shift changed since the batch read them is read again.
    intervals.refresh();
    const facts = intervals.facts(frame, now);
    const { blob, extras } = encodeFacts(facts);
    db.run(
      `INSERT OR REPLACE INTO report_days
        (day, time_zone, start_ms, end_ms, built_at, tickets, facts, extras, format)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        frame.day,
        frame.timeZone,
        frame.startMs,
        frame.endMs,
        now,
        facts.count,
        blob,
        extras,
        PACK_FORMAT,
      ],
    );
    return facts;
  });
}

/**
 * Builds the missing or stale packs of the closed days from `from` (default: the first
 * ticket's day) to the day before `scope.today`; answers how many were built. Each day is
 * its own small transaction; `pause` (e.g. `setImmediate`) runs between days so a caller
 * on the main thread never holds it long. For the history seeder and the benchmarks.
 */
export async function buildReportPacks(
  db: Database,
  scope: FactsScope,
  options: { from?: string; pause?: () => Promise<void> } = {},
): Promise<number> {
  const from =
    options.from ??
    db.get<{ day: string | null }>('SELECT MIN(day) AS day FROM tickets')?.day ??
    null;
  if (from === null || from >= scope.today) return 0;
  const days = daysBetween(from, scope.today).slice(0, -1);
  const before = packedDays(db);
  // A month at a time: the pauses and shifts are read per stretch, never years at once.
  for (let i = 0; i < days.length; i += 31) {
    const stretch = days.slice(i, i + 31);
    const range = {
      from: stretch[0]!,
      to: stretch.at(-1)!,
      packs: 'build' as const,
      skipPacked: true,
    };
    await eachDay(db, scope, range, async () => {
      if (options.pause) await options.pause();
    });
    // A month of days already packed calls no `each`: pause between months too.
    if (options.pause) await options.pause();
  }
  return packedDays(db) - before;
}

const packedDays = (db: Database): number =>
  db.get<{ n: number }>('SELECT COUNT(*) AS n FROM report_days')?.n ?? 0;
