import type { PriorityClass, TicketStatus } from '../../server/src/contract/entities';
import type { Span } from './calendar';

/** What the simulation knows of a service. */
export interface SimService {
  id: number;
  prefix: string;
  range: { from: number; to: number } | null;
  /** The service's `default_service_minutes`: the mean service time drawn around. */
  minutes: number;
  targetWaitMinutes: number;
  /** Minutes before each closing the kiosk stops issuing for it. */
  cutoffMinutes: number;
  dailyCap: number | null;
  /** Its share of the arrivals (relative). */
  weight: number;
}

/** A counter: its services best tier first, and its morning and afternoon clerks. */
export interface SimCounter {
  id: number;
  tiers: number[][];
  clerks: readonly [number, number];
}

/** The centre as the simulation sees it. */
export interface CentreModel {
  services: SimService[];
  counters: SimCounter[];
  /** Clerks who stand in for an absent one. */
  spareClerks: number[];
  priorityClasses: PriorityClass[];
  pauseReasons: string[];
  recallLimit: number;
  rating: {
    enabled: boolean;
    /** Levels, worst first. */
    levels: number[];
    /** Levels at or under it are low scores. */
    lowThreshold: number;
    reasons: string[];
  };
}

/** One day to simulate. */
export interface DayInput {
  day: string;
  /** Epoch ms of the day's local midnight, and of the next day's. */
  dayStart: number;
  nextDayStart: number;
  /** The centre's opening intervals that day, in minutes. */
  spans: Span[];
  /** Visitors arriving that day, and on an ordinary day like it (sizes the service times). */
  arrivals: number;
  expectedArrivals: number;
}

/** A rating as the history stores it. */
export interface SimRating {
  level: number;
  reasons: string[];
  ratedAt: number;
}

/** A ticket at the end of its day. */
export interface SimTicket {
  serviceId: number;
  originalServiceId: number;
  sequence: number;
  number: string;
  priorityClass: PriorityClass | null;
  status: TicketStatus;
  counterId: number | null;
  staffId: number | null;
  issuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  recallCount: number;
  transferCount: number;
  closeReason: string | null;
  trackingToken: string;
  rating: SimRating | null;
  /** The service's target wait when the ticket was issued, minutes. */
  targetWaitMinutes: number;
  /** The estimated wait the kiosk showed and the ticket printed, minutes. */
  estimateMinutes: number | null;
  /** Its call before a transfer: the counter's time with it until the transfer. */
  firstCall: SimCall | null;
}

/** A call ended by a transfer. */
export interface SimCall {
  counterId: number;
  staffId: number;
  calledAt: number;
  transferredAt: number;
}

/** A pause taken at a counter. */
export interface SimPause {
  counterId: number;
  staffId: number;
  reason: string;
  startedAt: number;
  endedAt: number;
}

/** A clerk's spell at a counter (from opening to the last ticket or closing). */
export interface SimShift {
  counterId: number;
  staffId: number;
  startedAt: number;
  endedAt: number;
}

/** What a day leaves behind. */
export interface DayResult {
  tickets: SimTicket[];
  pauses: SimPause[];
  shifts: SimShift[];
  /** Tickets issued per (original) service id: the day's last sequence. */
  sequences: Map<number, number>;
}

/** The share of tickets of each outcome the history aims at. */
export const SHARES = {
  priority: 0.1,
  noShow: 0.05,
  transfer: 0.03,
  /** Visitors who give up waiting (cancelled when their wait passes their patience). */
  impatient: 0.006,
  rated: 0.6,
  /** Counters run at about this share of their capacity on an ordinary day. */
  utilisation: 0.72,
} as const;

/** The reason stored on a cancelled ticket. */
export const CANCEL_REASON = 'Công dân không chờ nữa';
