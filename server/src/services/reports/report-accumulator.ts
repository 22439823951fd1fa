import type { ReportFigures } from '../../contract/reports';
import { durationStats, Durations, minutes } from './report-stats';

/** The running figures of one group while the days are read. */
export class Accumulator {
  issued = 0;
  served = 0;
  noShow = 0;
  transferred = 0;
  cancelled = 0;
  expired = 0;
  readonly wait = new Durations();
  readonly walk = new Durations();
  readonly service = new Durations();
  /** Served tickets with a wait, and those within their service's target. */
  servedMeasured = 0;
  withinTarget = 0;
  /** Called tickets with an estimate: their errors (estimate − wait, ms) summed. */
  estimates = 0;
  estimateErrorMs = 0;
  estimateAbsErrorMs = 0;
  estimatesWithin5 = 0;
  /** Clerks' time paused while the centre was open. */
  pausedMs = 0;
  /** Clerks' time signed in while the centre was open, neither paused nor with a ticket. */
  idleMs = 0;
  ratings = 0;
  readonly ratingLevels: number[];
  readonly reasons = new Map<string, number>();
  readonly arrivalsByHour = new Array<number>(24).fill(0);

  constructor(levels: number) {
    this.ratingLevels = new Array<number>(levels).fill(0);
  }

  rate(level: number, satisfiedFrom: number, reasons: readonly string[] | undefined): void {
    this.ratings += 1;
    if (level >= 1) {
      // A level above today's scale (rated before the scale shrank) still counts.
      while (this.ratingLevels.length < level) this.ratingLevels.push(0);
      this.ratingLevels[level - 1]! += 1;
    }
    if (level >= satisfiedFrom) this.satisfied += 1;
    for (const reason of reasons ?? [])
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  satisfied = 0;

  /** One called ticket's estimate against its wait (ms). */
  estimate(estimateMs: number, waitMs: number): void {
    const error = estimateMs - waitMs;
    this.estimates += 1;
    this.estimateErrorMs += error;
    this.estimateAbsErrorMs += Math.abs(error);
    if (Math.abs(error) <= 300_000) this.estimatesWithin5 += 1;
  }

  /**
   * The figures; `timed` is false where pauses and idle time cannot be told (null). A
   * total passes its groups: their durations, taken together, are its own. `levels` pads
   * `ratingLevels` with zeros to that length (every row of a report as long as its total).
   */
  figures(timed: boolean, groups?: readonly Accumulator[], levels = 0): ReportFigures {
    const stats = (pick: (acc: Accumulator) => Durations) =>
      groups ? durationStats(groups.map(pick)) : pick(this).stats();
    const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
    const reasons = [...this.reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      transferred: this.transferred,
      cancelled: this.cancelled,
      expired: this.expired,
      waitMinutes: stats((acc) => acc.wait),
      serviceMinutes: stats((acc) => acc.service),
      walkMinutes: stats((acc) => acc.walk),
      withinTargetShare: share(this.withinTarget, this.servedMeasured),
      estimateCount: this.estimates,
      estimateMae: this.estimates === 0 ? null : minutes(this.estimateAbsErrorMs / this.estimates),
      estimateWithin5Share: share(this.estimatesWithin5, this.estimates),
      estimateBias: this.estimates === 0 ? null : minutes(this.estimateErrorMs / this.estimates),
      pausedMinutes: timed ? minutes(this.pausedMs) : null,
      idleMinutes: timed ? minutes(this.idleMs) : null,
      ratings: this.ratings,
      ratingLevels: [
        ...this.ratingLevels,
        ...new Array<number>(Math.max(0, levels - this.ratingLevels.length)).fill(0),
      ],
      ratedShare: share(this.ratings, this.served),
      satisfiedShare: share(this.satisfied, this.ratings),
      lowScoreReasons: Object.fromEntries(reasons),
      arrivalsByHour: [...this.arrivalsByHour],
    };
  }
}
