import type { DeviceKind } from './admin';

/** At most this many over-target tickets are listed (`overTarget.count` has them all). */
export const MONITOR_OVER_TARGET_LIMIT = 50;

/** Today's figures over the whole centre. Averages are null while nothing was measured. */
export interface MonitorTotals {
  /** Tickets issued today (every status). */
  issued: number;
  /** Finished (done) today. */
  served: number;
  /** Marked no-show today. */
  noShow: number;
  /** Waiting now (not parked). */
  waiting: number;
  /** Parked now (the visitor stepped away). */
  parked: number;
  /** Cancelled today. */
  cancelled: number;
  /** From issue to (last) call, over today's tickets that were called. */
  averageWaitSeconds: number | null;
  /** From start to finish, over today's finished tickets that were started. */
  averageServiceSeconds: number | null;
}

/** Today's ratings: the count per level of the centre's scale and the satisfied share. */
export interface MonitorSatisfaction {
  /** One entry per level of the centre's scale, worst first; `count` may be 0. */
  levels: { level: number; label: string; labelEn: string; count: number }[];
  total: number;
  /** Ratings at or above the first level labelled "Hài lòng" (satisfied). */
  satisfied: number;
  /** The level from which a rating counts as satisfied. */
  satisfiedFrom: number;
  /** `satisfied / total`, 0..1; null with no rating yet. */
  satisfiedShare: number | null;
}

/** One service's queue now. */
export interface MonitorServiceQueue {
  serviceId: number;
  waiting: number;
  /** When its longest-waiting ticket was issued (ISO UTC); null when none waits. */
  oldestIssuedAt: string | null;
  targetWaitMinutes: number;
  /** Its waiting tickets past the target right now. */
  overTarget: number;
}

/** A waiting ticket past its service's target wait. */
export interface MonitorOverTargetTicket {
  ticketId: number;
  number: string;
  serviceId: number;
  issuedAt: string;
  targetWaitMinutes: number;
}

/** A paired device and whether it is reachable. */
export interface MonitorDevice {
  id: number;
  kind: DeviceKind;
  name: string;
  lastSeenAt: string | null;
  /** An open socket now, or a request within the `monitor.deviceOfflineMinutes` setting. */
  online: boolean;
}

/**
 * `GET /api/monitor/today` (supervisors): the live monitor's figures, computed from the
 * database as of `serverTime`. Counters and printers come from the socket feed instead.
 */
export interface MonitorToday {
  /** The service day (YYYY-MM-DD in the centre's zone). */
  day: string;
  serverTime: string;
  totals: MonitorTotals;
  satisfaction: MonitorSatisfaction;
  /** Every active service, in the kiosk's order. */
  services: MonitorServiceQueue[];
  /** Longest waiting first, at most `MONITOR_OVER_TARGET_LIMIT`. */
  overTarget: { count: number; tickets: MonitorOverTargetTicket[] };
  devices: MonitorDevice[];
  /** Alert thresholds in force: the centre's `monitor` settings. */
  thresholds: { pauseAlertMinutes: number; deviceOfflineMinutes: number };
}
