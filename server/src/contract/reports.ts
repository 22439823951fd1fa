/**
 * `GET /api/reports/summary` (supervisors and admins): what a centre reports to its
 * province over a period of service days (in the centre's time zone), grouped one way.
 *
 * Every duration is in minutes (a number, not rounded to whole minutes); every share is
 * 0..1 (null when nothing was measured). Percentiles use linear interpolation between
 * the closest ranks (R-7, as Excel's PERCENTILE.INC and numpy's default), so the median of
 * an even count is the mean of the two middle values.
 */

/** How the rows are grouped. */
export const REPORT_GROUPINGS = [
  'service',
  'counter',
  'clerk',
  'day',
  'week',
  'month',
  'hour',
] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** What `format` may ask for; json is the default. */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The longest period one report may cover (a little over twelve years). */
export const REPORT_MAX_DAYS = 4400;

/** The years a report may cover: none of a centre's tickets lies outside them. */
export const REPORT_FIRST_YEAR = 2000;
export const REPORT_LAST_YEAR = 2100;
/** The first and last day a report may name (YYYY-MM-DD). */
export const REPORT_FIRST_DAY = `${REPORT_FIRST_YEAR}-01-01`;
export const REPORT_LAST_DAY = `${REPORT_LAST_YEAR}-12-31`;

/** Mean, median, 90th percentile and maximum of a duration, in minutes. */
export interface DurationStats {
  /** How many tickets were measured. */
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** The figures of one group (or of the whole period, in `total`). */
export interface ReportFigures {
  /** Tickets issued (counted under the service they were first issued for). */
  issued: number;
  /** Finished (done). */
  served: number;
  noShow: number;
  /** Tickets sent on to another service or counter at least once. */
  transferred: number;
  cancelled: number;
  /** Still waiting when their day closed. */
  expired: number;
  /**
   * Issue → first call, over tickets that were called (a transferred ticket's wait ends at
   * its first call: the time after is its service, not its wait).
   */
  waitMinutes: DurationStats;
  /** Last start → finish, over finished tickets that were started. */
  serviceMinutes: DurationStats;
  /** Walk to the counter: last call → start, over started tickets. */
  walkMinutes: DurationStats;
  /**
   * Of the tickets served, the share first called within the target wait stored with the
   * ticket at issue (the service's current target for tickets issued before it was kept).
   */
  withinTargetShare: number | null;
  /**
   * The estimator's own error, over tickets called that had an estimate at issue: how
   * many, the mean absolute error |estimate − wait| in minutes, the share with |error| ≤ 5
   * minutes, and the mean signed error (estimate − wait; negative: it underestimates).
   */
  estimateCount: number;
  estimateMae: number | null;
  estimateWithin5Share: number | null;
  estimateBias: number | null;
  /** Clerks' time at a counter spent paused; null where a grouping cannot say (service). */
  pausedMinutes: number | null;
  /** Clerks' time signed in at an open counter with no ticket there; null as above. */
  idleMinutes: number | null;
  /**
   * Ratings given; the count per level, worst (1) first: `ratingLevels[i]` is level i + 1.
   * As long as the centre's scale, or longer when the period holds ratings at a level above
   * it (given before the scale shrank): every rating is counted, so the levels add up to
   * `ratings`. Every row and the total have the same length.
   */
  ratings: number;
  ratingLevels: number[];
  /** `ratings / served`. */
  ratedShare: number | null;
  /** Ratings at or above `satisfiedFrom` over `ratings`. */
  satisfiedShare: number | null;
  /** How often each low-score reason was chosen, by the reason's text. */
  lowScoreReasons: Record<string, number>;
  /** Tickets issued in each hour of the day (0..23, centre time). */
  arrivalsByHour: number[];
}

/** One row of the report. */
export interface ReportRow extends ReportFigures {
  /**
   * The group: a service's code, a counter's number, a clerk's username, `YYYY-MM-DD`,
   * an ISO week `YYYY-Www`, `YYYY-MM`, or an hour `HH`. `''` for tickets with no counter
   * or clerk (never called).
   */
  key: string;
  /** What a person reads: the service's name, "Quầy 3 · Name", the clerk's name, a date… */
  label: string;
  labelEn: string;
  /** Set for service, counter and clerk groupings. */
  serviceId?: number;
  counterId?: number | null;
  staffId?: number | null;
}

/** The whole report. */
export interface ReportSummary {
  centre: { name: string; address: string; timeZone: string };
  from: string;
  to: string;
  groupBy: ReportGrouping;
  serviceId: number | null;
  counterId: number | null;
  /**
   * What the filters name, as people read them (the service's name, "Quầy 3 · Name"), for
   * the files' headers; null for no filter, or one whose service or counter is gone.
   */
  filterLabels?: { service: ReportLabel | null; counter: ReportLabel | null };
  /** ISO UTC instant the report was computed at. */
  generatedAt: string;
  /**
   * The centre's rating scale now, worst first. `ratingLevels` may be longer: a level past
   * the scale has no label here (the exports and the admin app call it "Mức N" / "Level N").
   */
  ratingScale: { level: number; label: string; labelEn: string }[];
  satisfiedFrom: number;
  rows: ReportRow[];
  total: ReportRow;
  /** Arrivals by weekday (0 = Monday … 6 = Sunday) × hour of day, for the heat map. */
  arrivalsByWeekdayHour: number[][];
  /**
   * The report grouped the other ways asked (`groupBy=service,counter,day` with
   * `format=xlsx`: one sheet each, after the first grouping's), from the same pass over the
   * days. Absent with one grouping.
   */
  alsoGrouped?: ReportSheet[];
  /**
   * Waits of called tickets in bands: `waitBands[i]` counts waits from
   * `WAIT_BAND_MINUTES[i]` (inclusive) to the next edge (exclusive); the last is open-ended.
   */
  waitBands: number[];
}

/** A name in both languages. */
export interface ReportLabel {
  label: string;
  labelEn: string;
}

/** The rows and total of one more grouping of a report. */
export interface ReportSheet {
  groupBy: ReportGrouping;
  rows: ReportRow[];
  total: ReportRow;
}

/** Lower edges of the wait distribution's bands, in minutes. */
export const WAIT_BAND_MINUTES = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120] as const;

/**
 * A counter's row label: its number and name ("Quầy 1 · Tiếp nhận"), or the name alone when
 * it already says the number ("Quầy 3", not "Quầy 3 · Quầy 3"); in English the demo's
 * "Quầy N" reads "Counter N".
 */
export function counterLabels(number: number, name: string): ReportLabel {
  if (name === `Quầy ${number}`) return { label: name, labelEn: `Counter ${number}` };
  if (new RegExp(`(^|\\D)${number}(\\D|$)`).test(name)) return { label: name, labelEn: name };
  return { label: `Quầy ${number} · ${name}`, labelEn: `Counter ${number} · ${name}` };
}
