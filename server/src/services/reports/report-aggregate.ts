import { WAIT_BAND_MINUTES, type ReportGrouping } from '../../contract/reports';
import { Accumulator } from './report-accumulator';
import * as layout from './report-facts';
import type { DayFacts } from './report-facts';
import { clipTo, openPieces, subtract, union, type OpeningCalendar } from './report-intervals';
import { hourAt, isoWeekOf, splitByHour, weekdayOf } from './report-time';

// Plain local constants: read once per ticket field, they must cost no property lookup.
const {
  F_CALLED,
  F_COUNTER,
  F_FINISHED,
  F_FIRST_CALLED,
  F_FLAGS,
  F_ISSUED,
  F_ORIGINAL,
  F_RATING,
  F_SERVICE,
  F_SERVING,
  F_STAFF,
  F_STATUS,
  F_PROMISED,
  FIELDS,
  FLAG_TRANSFERRED,
  NO_ESTIMATE,
  NO_TARGET,
  NONE,
  STATUS_CANCELLED,
  STATUS_DONE,
  STATUS_EXPIRED,
  STATUS_NO_SHOW,
} = layout;

/** What a report groups and filters by, and the centre's rules it counts with. */
export interface AggregateOptions {
  groupBy: ReportGrouping;
  serviceId: number | null;
  counterId: number | null;
  /** How many levels the centre's rating scale has now. */
  levels: number;
  satisfiedFrom: number;
  /** Each service's target wait now, in minutes: for tickets issued before it was stored. */
  targetMinutes: ReadonlyMap<number, number>;
  /** The centre's hours now: clerks' time counts only while open (absent: all day). */
  opening?: OpeningCalendar;
}

/** One counter and clerk's time in a day, as flat pieces (see report-intervals). */
interface ClerkDay {
  counterId: number;
  staffId: number;
  shifts: number[];
  /** Paused, or with a ticket at the counter. */
  occupied: number[];
}

/** A counter and clerk as one number (ids stay far below 2^21). */
const pairOf = (counterId: number, staffId: number): number => counterId * 4_294_967_296 + staffId;

/** A group's key: a service, counter or staff id (0: none), an hour, or a period's text. */
export type GroupKey = number | string;

/** What the days add up to. */
export interface Aggregate {
  groups: Map<GroupKey, Accumulator>;
  total: Accumulator;
  /** Paused and idle time are told for the rows (not for services, nor under a service filter). */
  rowsTimed: boolean;
  totalTimed: boolean;
  arrivalsByWeekdayHour: number[][];
  waitBands: number[];
}

const bandOf = (waitMs: number): number => {
  const minutes = waitMs / 60_000;
  let band = 0;
  for (let i = 1; i < WAIT_BAND_MINUTES.length; i++) if (minutes >= WAIT_BAND_MINUTES[i]!) band = i;
  return band;
};

/**
 * Adds up days of facts, one day at a time (pure: no clock, no database). A ticket counts
 * under its final service, counter, clerk and the hour it was issued, except `issued`,
 * `transferred` and the arrivals, which count under the service it was first issued for.
 * Durations go to the groups only: the total's are the union of its groups' (each ticket
 * is in exactly one group), so each value is stored once.
 */
export class ReportAggregator {
  private readonly groups = new Map<GroupKey, Accumulator>();
  private readonly total: Accumulator;
  private readonly weekdayHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  private readonly waitBands = new Array<number>(WAIT_BAND_MINUTES.length).fill(0);

  constructor(private readonly options: AggregateOptions) {
    this.total = new Accumulator(options.levels);
  }

  private group(key: GroupKey): Accumulator {
    let group = this.groups.get(key);
    if (!group) {
      group = new Accumulator(this.options.levels);
      this.groups.set(key, group);
    }
    return group;
  }

  addDay(facts: DayFacts): void {
    const { groupBy, serviceId, counterId, satisfiedFrom, targetMinutes } = this.options;
    const period =
      groupBy === 'day'
        ? facts.day
        : groupBy === 'week'
          ? isoWeekOf(facts.day)
          : groupBy === 'month'
            ? facts.day.slice(0, 7)
            : '';
    const weekday = weekdayOf(facts.day);
    const t = facts.tickets;
    const total = this.total;
    const dayLength = facts.endMs - facts.startMs;
    // Time with a ticket at the counter, by counter and clerk: only tickets the counter
    // finished (done, no-show, or cancelled once called), called → finished within the
    // day. An expired ticket's finish is when the day was closed, not when work stopped.
    const busy = serviceId === null ? new Map<number, number[]>() : null;
    for (let i = 0; i < facts.count; i++) {
      const at = i * FIELDS;
      const counter = t[at + F_COUNTER]!;
      if (counterId !== null && counter !== counterId) continue;
      const service = t[at + F_SERVICE]!;
      const original = t[at + F_ORIGINAL]!;
      const issued = t[at + F_ISSUED]!;
      const hour = hourAt(facts, issued);
      const key: GroupKey =
        groupBy === 'service'
          ? service
          : groupBy === 'counter'
            ? counter
            : groupBy === 'clerk'
              ? t[at + F_STAFF]!
              : groupBy === 'hour'
                ? hour
                : period;
      if (serviceId === null || original === serviceId) {
        const first = this.group(groupBy === 'service' ? original : key);
        const transferred = (t[at + F_FLAGS]! & FLAG_TRANSFERRED) !== 0 ? 1 : 0;
        first.issued += 1;
        total.issued += 1;
        first.transferred += transferred;
        total.transferred += transferred;
        first.arrivalsByHour[hour]! += 1;
        total.arrivalsByHour[hour]! += 1;
        this.weekdayHour[weekday]![hour]! += 1;
      }
      if (serviceId !== null && service !== serviceId) continue;
      const group = this.group(key);
      const status = t[at + F_STATUS]!;
      if (status === STATUS_DONE) {
        group.served += 1;
        total.served += 1;
      } else if (status === STATUS_NO_SHOW) {
        group.noShow += 1;
        total.noShow += 1;
      } else if (status === STATUS_CANCELLED) {
        group.cancelled += 1;
        total.cancelled += 1;
      } else if (status === STATUS_EXPIRED) {
        group.expired += 1;
        total.expired += 1;
      }
      const called = t[at + F_CALLED]!;
      const firstCalled = t[at + F_FIRST_CALLED]!;
      const serving = t[at + F_SERVING]!;
      const finished = t[at + F_FINISHED]!;
      if (firstCalled !== NONE) {
        // Issue → first call: a transferred ticket's wait ends when it was first called.
        const wait = firstCalled - issued;
        group.wait.push(wait);
        this.waitBands[bandOf(wait)]! += 1;
        if (status === STATUS_DONE) {
          const stored = t[at + F_PROMISED]! & 0xffff;
          const target = stored !== NO_TARGET ? stored : (targetMinutes.get(original) ?? Infinity);
          const within = wait <= target * 60_000 ? 1 : 0;
          group.servedMeasured += 1;
          total.servedMeasured += 1;
          group.withinTarget += within;
          total.withinTarget += within;
        }
        const estimate = t[at + F_PROMISED]! >>> 16;
        if (estimate !== NO_ESTIMATE) {
          group.estimate(estimate * 60_000, wait);
          total.estimate(estimate * 60_000, wait);
        }
      }
      if (called !== NONE) {
        if (serving !== NONE) {
          group.walk.push(serving - called);
        }
        if (
          busy !== null &&
          counter !== 0 &&
          finished !== NONE &&
          finished > called &&
          (status === STATUS_DONE || status === STATUS_NO_SHOW || status === STATUS_CANCELLED)
        ) {
          const pair = pairOf(counter, t[at + F_STAFF]!);
          let list = busy.get(pair);
          if (!list) busy.set(pair, (list = []));
          list.push(Math.max(called, 0), Math.min(finished, dayLength));
        }
      }
      if (status === STATUS_DONE && serving !== NONE && finished !== NONE) {
        group.service.push(finished - serving);
      }
      const level = t[at + F_RATING]!;
      if (level > 0) {
        const reasons = facts.reasons.get(i);
        group.rate(level, satisfiedFrom, reasons);
        total.rate(level, satisfiedFrom, reasons);
      }
    }
    if (busy !== null) {
      // A transferred ticket's time at the counters before: busy for them too.
      for (const handoff of facts.handoffs) {
        if (counterId !== null && handoff.counterId !== counterId) continue;
        const pair = pairOf(handoff.counterId, handoff.staffId);
        let list = busy.get(pair);
        if (!list) busy.set(pair, (list = []));
        list.push(handoff.start, handoff.end);
      }
      this.clerkTime(facts, period, busy);
    }
  }

  /**
   * Clerks' paused and idle time of a day, per counter and clerk: shifts and pauses clipped
   * to the centre's opening hours that day (none on a holiday); idle is the shift time
   * outside the union of pauses and tickets at the counter, so overlaps count once.
   */
  private clerkTime(facts: DayFacts, period: string, busy: ReadonlyMap<number, number[]>): void {
    const { counterId, opening } = this.options;
    const open = opening ? openPieces(facts, opening) : [0, facts.endMs - facts.startMs];
    const days = new Map<number, ClerkDay>();
    const dayOf = (counter: number, staff: number): ClerkDay => {
      const key = pairOf(counter, staff);
      let day = days.get(key);
      if (!day) {
        day = { counterId: counter, staffId: staff, shifts: [], occupied: [] };
        days.set(key, day);
      }
      return day;
    };
    for (const pause of facts.pauses) {
      if (counterId !== null && pause.counterId !== counterId) continue;
      const pieces: number[] = [];
      clipTo(pause.start, pause.end, open, pieces);
      if (pieces.length === 0) continue;
      this.spread(facts, pieces, pause.counterId, pause.staffId, period, (acc, ms) => {
        acc.pausedMs += ms;
      });
      dayOf(pause.counterId, pause.staffId).occupied.push(...pieces);
    }
    for (const shift of facts.shifts) {
      if (counterId !== null && shift.counterId !== counterId) continue;
      clipTo(shift.start, shift.end, open, dayOf(shift.counterId, shift.staffId).shifts);
    }
    for (const [key, day] of days) {
      if (day.shifts.length === 0) continue;
      const occupied = union([...day.occupied, ...(busy.get(key) ?? [])]);
      const idle = subtract(union(day.shifts), occupied);
      this.spread(facts, idle, day.counterId, day.staffId, period, (acc, ms) => {
        acc.idleMs += ms;
      });
    }
  }

  /** Adds pieces of a counter and clerk's time to the total and to their groups. */
  private spread(
    facts: DayFacts,
    pieces: readonly number[],
    counter: number,
    staff: number,
    period: string,
    add: (acc: Accumulator, ms: number) => void,
  ): void {
    const { groupBy } = this.options;
    for (let i = 0; i < pieces.length; i += 2) {
      const start = pieces[i]!;
      const end = pieces[i + 1]!;
      add(this.total, end - start);
      if (groupBy === 'service') continue;
      if (groupBy === 'hour') {
        splitByHour(facts, start, end, (hour, ms) => add(this.group(hour), ms));
        continue;
      }
      const key = groupBy === 'counter' ? counter : groupBy === 'clerk' ? staff : period;
      add(this.group(key), end - start);
    }
  }

  result(): Aggregate {
    const { groupBy, serviceId } = this.options;
    return {
      groups: this.groups,
      total: this.total,
      rowsTimed: serviceId === null && groupBy !== 'service',
      totalTimed: serviceId === null,
      arrivalsByWeekdayHour: this.weekdayHour,
      waitBands: this.waitBands,
    };
  }
}
