import { randomUUID } from 'node:crypto';
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
  const usable = (pack: PackRow | undefined) =>
    range.packs !== 'ignore' &&
    pack !== undefined &&
    pack.time_zone === scope.timeZone &&
    pack.format === PACK_FORMAT;
  const claims = new PackClaims(db, scope.timeZone);
  for (const [index, day] of days.entries()) {
    const frame = dayFrame(day, scope.timeZone);
    if (firstDay == null || day < firstDay) {
      await each(intervals.facts(frame, scope.now, true));
      continue;
    }
    let facts: DayFacts;
    const stored = usable(packs.get(day))
      ? range.skipPacked
        ? 'skip'
        : db.get<{ facts: Uint8Array; extras: string }>(
            'SELECT facts, extras FROM report_days WHERE day = ? AND format = ?',
            [day, PACK_FORMAT],
          )
      : undefined;
    if (stored === 'skip') continue;
    if (stored) {
      facts = decodeFacts(frame, stored.facts, stored.extras);
    } else if (day < scope.today && range.packs === 'build') {
      // This day, and the next ones this report will build too.
      const ahead = days
        .slice(index, index + CLAIM_AHEAD)
        .filter((next, i) => i === 0 || (next < scope.today && !usable(packs.get(next))));
      claims.claim(ahead, scope.now);
      facts = claims.build(intervals, frame, scope.now);
    } else {
      facts = intervals.facts(frame, scope.now);
    }
    await each(facts);
  }
}

/** Days claimed at once (one small write transaction), ahead of building their packs. */
const CLAIM_AHEAD = 31;

/**
 * Packs are built without holding the write lock while a day's facts are read: the report
 * thread runs at the lowest CPU priority (thread-priority.ts), and a thread that can be
 * kept off the CPU must not hold the lock a ticket's issue waits for. So a pack is built in
 * three steps: a placeholder row (`format` 0, read as no pack) claims the day, in one short
 * transaction for up to `CLAIM_AHEAD` days; the day's facts are read in a read transaction
 * (a snapshot taken after the claim; writers go on); and the pack replaces its placeholder
 * only if the placeholder is still there. Anything that changes the day deletes the
 * placeholder first (the triggers of migration 012), so a pack read before that change
 * is never stored: the next report builds it again.
 */
class PackClaims {
  /** Day → the token of its placeholder. */
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly timeZone: string,
  ) {}

  /** Claims `days` (the first is the one needed now) unless claimed already. */
  claim(days: string[], now: number): void {
    const fresh = days.filter((day) => !this.tokens.has(day));
    if (fresh.length === 0) return;
    this.db.transaction(() => {
      for (const day of fresh) {
        const frame = dayFrame(day, this.timeZone);
        const token = randomUUID();
        this.db.run(
          `INSERT OR REPLACE INTO report_days
            (day, time_zone, start_ms, end_ms, built_at, tickets, facts, extras, format)
           VALUES (?, ?, ?, ?, ?, 0, x'', ?, 0)`,
          [day, this.timeZone, frame.startMs, frame.endMs, now, token],
        );
        this.tokens.set(day, token);
      }
    });
  }

  /** Reads the day's facts from the tables and stores them as its pack if still claimed. */
  build(intervals: Intervals, frame: DayFrame, now: number): DayFacts {
    const token = this.tokens.get(frame.day);
    if (token === undefined) throw new Error(`day ${frame.day} built without a claim`);
    this.tokens.delete(frame.day);
    const facts = this.db.raw
      .transaction(() => {
        // A pause or shift changed since the batch read them is read again.
        intervals.refresh();
        return intervals.facts(frame, now);
      })
      .deferred();
    const { blob, extras } = encodeFacts(facts);
    this.db.transaction(() =>
      this.db.run(
        `UPDATE report_days SET built_at = ?, tickets = ?, facts = ?, extras = ?, format = ?
         WHERE day = ? AND format = 0 AND extras = ?`,
        [now, facts.count, blob, extras, PACK_FORMAT, frame.day, token],
      ),
    );
    return facts;
  }
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

/** Packs stored (placeholders of days being built are not packs). */
const packedDays = (db: Database): number =>
  db.get<{ n: number }>('SELECT COUNT(*) AS n FROM report_days WHERE format = ?', [PACK_FORMAT])
    ?.n ?? 0;
