import type { CentreSettings } from '../../server/src/contract/settings';
import { CommandRunner } from '../../server/src/services/core/command-runner';
import { SettingsService } from '../../server/src/services/admin/settings-service';
import { buildReportPacks } from '../../server/src/services/reports/report-packs';
import { dayStart } from '../../server/src/domain/day-bounds';
import { serviceDay } from '../../server/src/domain/service-day';
import { openDatabase } from '../../server/src/storage/database';
import { seedDemoCentre } from '../../server/src/storage/demo-centre';
import { migrate } from '../../server/src/storage/migrate';
import { createRepos, type Repos } from '../../server/src/storage/repos';
import {
  addDays,
  arrivalMass,
  MONTH_FACTOR,
  publicHolidays,
  toSpans,
  WEEKDAY_FACTOR,
  weekdayOf,
  withCutoff,
} from './calendar';
import { centreModel, historyClerks } from './centre-model';
import type { CentreModel, DayResult } from './model';
import { seededRandom } from './random';
import { simulateDay } from './simulate-day';

/** What `npm run seed:history` is asked for. */
export interface SeedHistoryOptions {
  /** The SQLite file (the server's: `LUOT_DATA_DIR/luot.db`). */
  databaseFile: string;
  /** How far back: whole years before `end`, or a number of days ending on `end`. */
  years?: number;
  days?: number;
  /** The last day seeded (YYYY-MM-DD); yesterday in the centre's zone by default. */
  end?: string;
  /** The PRNG seed: the same seed writes the same history. */
  seed?: string;
  /** Seed even when the period already holds tickets (those days are left as they are). */
  force?: boolean;
  /** Visitors on an ordinary weekday (≈780). */
  perDay?: number;
  /** Build the reports' daily packs afterwards (default true). */
  packs?: boolean;
  /** LUOT_TIME_ZONE, when the deployment fixes the zone. */
  timeZone?: string;
  /** Now, epoch ms (tests inject it). */
  now?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What a run wrote. */
export interface SeedHistoryResult {
  from: string;
  to: string;
  workingDays: number;
  /** Days left alone because they already held tickets (`force`). */
  skippedDays: number;
  tickets: number;
  ratings: number;
  pauses: number;
  shifts: number;
  seedMs: number;
  packs: number;
  packMs: number;
}

/** The run refused to write (the period holds tickets, the centre has no counters…). */
export class SeedRefusedError extends Error {}

/** Visitors on an ordinary weekday. */
export const DEFAULT_PER_DAY = 780;

/** The ordinary weekday's issuing minutes (7:30–11:30, 13:30–17:00, 15 min cut-off). */
const ORDINARY_MASS = arrivalMass(
  withCutoff(
    [
      { from: 450, to: 690 },
      { from: 810, to: 1020 },
    ],
    15,
  ),
);

/**
 * Writes a realistic past into the database through the repos: one transaction per day,
 * no feed events (history is not news to any screen), then the reports' packs. The
 * seeding connection turns `synchronous` off: a crash of the machine mid-run can lose or
 * corrupt the seeded file (run it again on a fresh folder), never a running server's data,
 * whose own connection keeps `synchronous=FULL`.
 */
export async function seedHistory(options: SeedHistoryOptions): Promise<SeedHistoryResult> {
  const log = options.log ?? (() => undefined);
  const db = openDatabase(options.databaseFile);
  try {
    migrate(db);
    const repos = createRepos(db);
    // Not the server's process: nobody listens to the feed a settings read could emit.
    const runner = new CommandRunner(
      repos,
      { now: () => options.now ?? Date.now() },
      { publish: () => undefined, endAccess: () => undefined },
    );
    if (repos.services.count() === 0 && seedDemoCentre(repos)) log('demo centre laid');
    const settings = new SettingsService(repos, runner, { timeZone: options.timeZone }).current();
    const zone = settings.timeZone;
    const today = serviceDay(options.now ?? Date.now(), zone);
    const to = options.end ?? addDays(today, -1);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(Date.parse(to)))
      throw new SeedRefusedError(`--end must be a date YYYY-MM-DD, not ${to}`);
    const from = periodStart(to, options);
    const held = repos.tickets.daysWithTickets(from, to);
    if (held.size > 0 && !options.force) {
      const sorted = [...held].sort();
      throw new SeedRefusedError(
        `${held.size} day(s) from ${from} to ${to} already hold tickets ` +
          `(${sorted[0]} … ${sorted[sorted.length - 1]}): nothing written. ` +
          'Use --force to seed the other days and leave those as they are.',
      );
    }
    const counterCount = repos.counters.list().length;
    const clerks = historyClerks(repos, 2 * counterCount + 2, dayStart(from, zone));
    const model = centreModel(repos, settings, clerks, seededRandom(`${options.seed}|centre`));
    if (model.counters.length === 0 || model.services.length === 0)
      throw new SeedRefusedError('The centre has no active counter serving an active service');

    db.raw.pragma('synchronous = OFF');
    db.raw.pragma('cache_size = -131072');
    const started = performance.now();
    const result = writeDays(repos, model, settings, { ...options, from, to, held, log });
    const seedMs = performance.now() - started;
    db.raw.pragma('synchronous = FULL');
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    log(
      `seeded ${result.tickets.toLocaleString('en')} tickets over ${result.workingDays} working ` +
        `days in ${(seedMs / 1000).toFixed(1)} s`,
    );
    let packs = 0;
    let packMs = 0;
    if (options.packs !== false) {
      const packStart = performance.now();
      packs = await buildReportPacks(
        db,
        { timeZone: zone, today, now: options.now ?? Date.now() },
        { from },
      );
      packMs = performance.now() - packStart;
      log(`built ${packs} report day packs in ${(packMs / 1000).toFixed(1)} s`);
    }
    return { from, to, ...result, seedMs, packs, packMs };
  } finally {
    db.close();
  }
}

/** The first day of the period ending on `to`. */
function periodStart(to: string, options: SeedHistoryOptions): string {
  if (options.days !== undefined) {
    if (!Number.isInteger(options.days) || options.days < 1 || options.days > 40 * 366)
      throw new SeedRefusedError('--days must be a whole number of days, 1 or more');
    return addDays(to, 1 - options.days);
  }
  const years = options.years ?? 1;
  if (!Number.isInteger(years) || years < 1 || years > 40)
    throw new SeedRefusedError('--years must be a whole number of years, 1–40');
  const [y = 0, m = 1, d = 1] = to.split('-').map(Number);
  return addDays(new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10), 1);
}

interface WriteOptions extends SeedHistoryOptions {
  from: string;
  to: string;
  held: Set<string>;
  log: (line: string) => void;
}

type WriteResult = Omit<SeedHistoryResult, 'from' | 'to' | 'seedMs' | 'packs' | 'packMs'>;

function writeDays(
  repos: Repos,
  model: CentreModel,
  settings: CentreSettings,
  options: WriteOptions,
): WriteResult {
  const zone = settings.timeZone;
  const perDay = options.perDay ?? DEFAULT_PER_DAY;
  const total: WriteResult = {
    workingDays: 0,
    skippedDays: 0,
    tickets: 0,
    ratings: 0,
    pauses: 0,
    shifts: 0,
  };
  let year = Number(options.from.slice(0, 4));
  let holidays = yearHolidays(year, settings.holidays, options.log);
  let yearTickets = 0;
  let yearStarted = performance.now();
  const flushYear = () => {
    options.log(
      `${year}: ${yearTickets.toLocaleString('en')} tickets ` +
        `(${((performance.now() - yearStarted) / 1000).toFixed(1)} s)`,
    );
  };
  let nextStart = dayStart(options.from, zone);
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const start = nextStart;
    nextStart = dayStart(addDays(day, 1), zone);
    const dayYear = Number(day.slice(0, 4));
    if (dayYear !== year) {
      flushYear();
      year = dayYear;
      holidays = yearHolidays(year, settings.holidays, options.log);
      yearTickets = 0;
      yearStarted = performance.now();
    }
    if (options.held.has(day)) {
      total.skippedDays += 1;
      continue;
    }
    const weekday = weekdayOf(day);
    const spans = holidays.has(day) ? [] : toSpans(settings.openingHours[String(weekday)] ?? []);
    if (spans.length === 0) continue;
    const random = seededRandom(`${options.seed}|${day}`);
    const month = Number(day.slice(5, 7)) - 1;
    const expected =
      perDay *
      (WEEKDAY_FACTOR[weekday] ?? 1) *
      (MONTH_FACTOR[month] ?? 1) *
      (arrivalMass(withCutoff(spans, settings.cutoffMinutes)) / ORDINARY_MASS);
    const arrivals = Math.round(expected * random.logNormalMean(1, 0.08));
    const result = simulateDay(
      model,
      {
        day,
        dayStart: start,
        nextDayStart: nextStart,
        spans,
        arrivals,
        expectedArrivals: expected,
      },
      random,
    );
    writeDay(repos, day, result, total);
    total.workingDays += 1;
    yearTickets += result.tickets.length;
  }
  flushYear();
  return total;
}

/** One day's tickets, ratings, sequences, pauses and shifts, in one transaction. */
function writeDay(repos: Repos, day: string, result: DayResult, total: WriteResult): void {
  repos.db.transaction(() => {
    for (const t of result.tickets) {
      const { id } = repos.tickets.insert({
        serviceId: t.serviceId,
        day,
        sequence: t.sequence,
        number: t.number,
        priorityClass: t.priorityClass,
        status: t.status,
        counterId: t.counterId,
        staffId: t.staffId,
        issuedAt: t.issuedAt,
        calledAt: t.calledAt,
        servingAt: t.servingAt,
        finishedAt: t.finishedAt,
        recallCount: t.recallCount,
        trackingToken: t.trackingToken,
        front: false,
        targetCounterId: null,
        originalServiceId: t.originalServiceId,
        transferCount: t.transferCount,
        note: null,
        closeReason: t.closeReason,
        parkedAt: null,
        targetWaitMinutes: t.targetWaitMinutes,
        estimateMinutes: t.estimateMinutes,
      });
      // The call a transfer ended, as the transfer's triggers record it (migration 016).
      if (t.firstCall)
        repos.db.run(
          `INSERT INTO ticket_transfers (ticket_id, day, counter_id, staff_id, called_at, transferred_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [
            id,
            day,
            t.firstCall.counterId,
            t.firstCall.staffId,
            t.firstCall.calledAt,
            t.firstCall.transferredAt,
          ],
        );
      if (t.rating && t.status === 'done' && t.counterId !== null) {
        repos.ratings.insert({
          ticketId: id,
          serviceId: t.serviceId,
          counterId: t.counterId,
          staffId: t.staffId,
          level: t.rating.level,
          reasons: t.rating.reasons,
          comment: null,
          ratedAt: t.rating.ratedAt,
        });
        total.ratings += 1;
      }
    }
    for (const [serviceId, last] of result.sequences)
      repos.tickets.recordSequence(serviceId, day, last);
    for (const pause of result.pauses) repos.counters.insertPastPause(pause);
    for (const shift of result.shifts) repos.counters.insertPastShift(shift);
  });
  total.tickets += result.tickets.length;
  total.pauses += result.pauses.length;
  total.shifts += result.shifts.length;
}

/** A year's closed days: the public holidays and the centre's own. */
function yearHolidays(
  year: number,
  centre: readonly string[],
  log: (line: string) => void,
): Set<string> {
  const { days, known } = publicHolidays(year);
  if (!known) log(`${year}: Tết's date is not in the table; no Tết break that year`);
  for (const day of centre) days.add(day);
  return days;
}
