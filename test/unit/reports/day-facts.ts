import type { ReportGrouping } from '../../../server/src/contract/reports';
import { ReportAggregator } from '../../../server/src/services/reports/report-aggregate';
import {
  F_CALLED,
  F_COUNTER,
  F_FINISHED,
  F_FIRST_CALLED,
  F_ISSUED,
  F_ORIGINAL,
  F_RATING,
  F_SERVICE,
  F_SERVING,
  F_STAFF,
  F_STATUS,
  F_PROMISED,
  FIELDS,
  NONE,
  promised,
  STATUSES,
  type DayFacts,
  type Interval,
} from '../../../server/src/services/reports/report-facts';
import type { OpeningCalendar } from '../../../server/src/services/reports/report-intervals';
import { reportRows } from '../../../server/src/services/reports/report-rows';
import { dayFrame } from '../../../server/src/services/reports/report-time';

/**
 * Days of report facts written by hand, for the engine's tests (UTC, Monday 2 March 2026;
 * times as "HH:MM" from midnight): every ticket at counter 1 by clerk 7.
 */
export const MINUTE = 60_000;
export const hm = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h! * 60 + m!) * MINUTE;
};
export const MONDAY = '2026-03-02';

export interface Ticket {
  status: (typeof STATUSES)[number];
  called?: string;
  serving?: string;
  finished?: string;
  rating?: number;
  /** Estimated wait at issue, minutes (07:55). */
  estimate?: number;
  /** Target wait stored at issue, minutes. */
  target?: number;
}

export function facts(
  tickets: Ticket[],
  shifts: [string, string][],
  pauses: [string, string][] = [],
  day = MONDAY,
  handoffs: [string, string][] = [],
): DayFacts {
  const records = new Int32Array(tickets.length * FIELDS);
  tickets.forEach((ticket, i) => {
    const at = i * FIELDS;
    const time = (t?: string) => (t === undefined ? NONE : hm(t));
    records[at + F_SERVICE] = 1;
    records[at + F_ORIGINAL] = 1;
    records[at + F_COUNTER] = ticket.called ? 1 : 0;
    records[at + F_STAFF] = ticket.called ? 7 : 0;
    records[at + F_STATUS] = STATUSES.indexOf(ticket.status);
    records[at + F_RATING] = ticket.rating ?? 0;
    records[at + F_ISSUED] = hm('07:55');
    records[at + F_CALLED] = time(ticket.called);
    records[at + F_SERVING] = time(ticket.serving);
    records[at + F_FINISHED] = time(ticket.finished);
    records[at + F_FIRST_CALLED] = time(ticket.called);
    records[at + F_PROMISED] = promised(ticket.target ?? null, ticket.estimate ?? null);
  });
  const interval = ([start, end]: [string, string]): Interval => ({
    counterId: 1,
    staffId: 7,
    start: hm(start),
    end: hm(end),
  });
  return {
    ...dayFrame(day, 'UTC'),
    count: tickets.length,
    tickets: records,
    reasons: new Map(),
    shifts: shifts.map(interval),
    pauses: pauses.map(interval),
    handoffs: handoffs.map(interval),
  };
}

/** Monday to Friday 08:00–12:00 and 13:00–17:00; 2 March closed in one test. */
export const HOURS: OpeningCalendar = {
  weekly: Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [
      d,
      [
        { open: '08:00', close: '12:00' },
        { open: '13:00', close: '17:00' },
      ],
    ]),
  ),
  holidays: [],
};

export function run(
  day: DayFacts,
  options: { groupBy?: ReportGrouping; opening?: OpeningCalendar; levels?: number } = {},
) {
  const aggregator = new ReportAggregator({
    groupBy: options.groupBy ?? 'counter',
    serviceId: null,
    counterId: null,
    levels: options.levels ?? 4,
    satisfiedFrom: 3,
    targetMinutes: new Map(),
    opening: options.opening ?? HOURS,
  });
  aggregator.addDay(day);
  return reportRows(options.groupBy ?? 'counter', aggregator.result(), {
    services: [],
    counters: [{ id: 1, number: 1, name: 'Một' }],
    staff: [{ id: 7, username: 'lan', displayName: 'Lan' }],
  });
}
