import type { PrinterStatusReport } from './printing';
import type {
  KioskPolicy,
  OpeningInterval,
  PriorityClassOption,
  RatingLevel,
  VoiceSettings,
} from './settings';

/** The code of a priority class the centre offers. */
export type PriorityClass = string;

/** Where a ticket is in its life: issued → called → serving → done, or a side exit. */
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'parked',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Staff roles, least to most powerful. */
export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a ticket queues for (lĩnh vực / dịch vụ), as the kiosk and screens see it. */
export interface Service {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  /** Tickets of this service waiting right now. */
  waiting: number;
  /** Estimated minutes a ticket taken now waits before it is called. */
  estimatedWaitMinutes: number;
  /** Whether the kiosk issues tickets for it right now. */
  available: boolean;
  /** Why not: `centre_closed`, `service_closed` (cut-off) or `daily_cap_reached`. */
  unavailableReason: 'centre_closed' | 'service_closed' | 'daily_cap_reached' | null;
  /** The kiosk menu group it is listed under (a procedure group or a field); null: top level. */
  groupId: number | null;
  /**
   * When the kiosk issues its tickets today, in the centre's zone: each opening interval
   * with its cut-off already taken off the end. Empty on a closed day.
   */
  issuingHours: OpeningInterval[];
  /** Tickets it issues per day at most; null: no cap. */
  dailyCap: number | null;
  /** The wait the centre aims to stay under; counters highlight tickets waiting longer. */
  targetWaitMinutes: number;
}

/**
 * A heading of the kiosk menu: a field (lĩnh vực) at the top, or a procedure group
 * (nhóm thủ tục) inside a field. Services hang under either, or at the top level.
 */
export interface ServiceGroup {
  id: number;
  /** The field it belongs to; null for a field (top level). */
  parentId: number | null;
  name: string;
  nameEn: string;
  /** Smaller first among its siblings. */
  sortOrder: number;
}

/** The numbers a service's tickets take, both ends included (e.g. 1001–1999). */
export interface NumberRange {
  from: number;
  to: number;
}

/**
 * A service as admins edit it (`POST/PATCH /api/services`, `GET /api/catalogue`): every
 * stored field, inactive ones included, without the live queue figures of `Service`.
 */
export interface ServiceConfig {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  groupId: number | null;
  /** Null: numbered prefix + daily sequence from 1, without an upper end. */
  numberRange: NumberRange | null;
  targetWaitMinutes: number;
  dailyCap: number | null;
  /** Minutes before closing the kiosk stops issuing it; null: the centre's `cutoffMinutes`. */
  cutOff: number | null;
  active: boolean;
  sortOrder: number;
}

/** A kiosk menu heading as admins edit it: inactive ones included. */
export interface ServiceGroupConfig extends ServiceGroup {
  active: boolean;
}

/** A visitor's rating of one finished ticket (đánh giá mức độ hài lòng). */
export interface Rating {
  id: number;
  ticketId: number;
  ticketNumber: string;
  serviceId: number;
  counterId: number;
  /** The clerk who finished the ticket. */
  staffId: number | null;
  /** 1 (worst) to the number of the centre's levels. */
  level: number;
  reasons: string[];
  comment: string | null;
  ratedAt: string;
}

/**
 * One visit in one queue (phiếu / số thứ tự) as anyone may see it: hall screens, kiosks
 * and visitors' phones. Times are ISO 8601 strings in UTC. The staff-only fields are
 * always null here; staff see them in `Ticket`.
 */
export interface PublicTicket {
  id: number;
  /** The printed number: service prefix + daily sequence, e.g. "A015". */
  number: string;
  serviceId: number;
  priorityClass: PriorityClass | null;
  status: TicketStatus;
  /** The service day (YYYY-MM-DD in the centre's time zone) the number belongs to. */
  day: string;
  counterId: number | null;
  issuedAt: string;
  calledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  recallCount: number;
  /** Transferred in or back from parking: called before others of its tier. */
  front: boolean;
  /** Set when transferred to one named counter: only it may call the ticket. */
  targetCounterId: number | null;
  /** The service the ticket was issued for (its number's prefix). */
  originalServiceId: number;
  transferCount: number;
  /** Staff only (see `Ticket`). */
  note: null;
  /** Staff only, but for the ticket's holder (see `TrackedTicket`). */
  closeReason: null;
  /** When it was last parked (the visitor stepped away); null if never. */
  parkedAt: string | null;
}

/**
 * Ticket fields only staff see. A transfer note ("thiếu bản sao CCCD") or a cancel reason
 * can tell about a visitor's papers or circumstances; hall screens, kiosks and visitors'
 * phones on the centre's Wi-Fi must not read them.
 */
export type StaffOnlyTicketField = 'note' | 'closeReason';

/** A ticket as signed-in staff see it: the public ticket with the staff-only fields filled. */
export interface Ticket extends Omit<PublicTicket, StaffOnlyTicketField> {
  /** The last transfer note. */
  note: string | null;
  /** Why it was cancelled. */
  closeReason: string | null;
}

/** A ticket as its holder sees it on the tracking page: also why it was cancelled. */
export interface TrackedTicket extends Omit<PublicTicket, 'closeReason'> {
  closeReason: string | null;
}

/** The staff member signed in at a counter, as screens may show it. */
export interface StaffRef {
  id: number;
  displayName: string;
}

/** Whether a counter calls tickets: open, paused for a reason, or closed. */
export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

/** A desk (quầy) and what it is doing now, as anyone may see it. */
export interface PublicCounter {
  id: number;
  number: number;
  name: string;
  /** Services served, best tier first. */
  serviceIds: number[];
  /**
   * The same services in their ranked tiers, best first: each tier's service ids, which the
   * counter calls from before the next tier's. Missing from events recorded before it
   * existed: read `serviceIds` as one tier each.
   */
  tiers: number[][];
  currentTicket: PublicTicket | null;
  staff: StaffRef | null;
  status: CounterStatus;
  pauseReason: string | null;
  /** When the counter last opened, paused or closed. */
  statusSince: string | null;
  /** Call the next ticket as soon as one is finished. */
  autoCall: boolean;
}

/** A counter as staff see it: its current ticket is the staff `Ticket`. */
export interface Counter extends Omit<PublicCounter, 'currentTicket'> {
  currentTicket: Ticket | null;
}

/** A counter as admins edit it: the staff view, inactive ones included. */
export interface CounterConfig extends Counter {
  active: boolean;
}

/** The ticket and counter shapes staff see, for the types generic over the audience. */
export interface StaffShapes {
  ticket: Ticket;
  counter: Counter;
}

/** The ticket and counter shapes everyone else sees. */
export interface PublicShapes {
  ticket: PublicTicket;
  counter: PublicCounter;
}

/** Either audience's shapes. */
export type Shapes = StaffShapes | PublicShapes;

/** One line of the hall screen's call list. */
export interface RecentCall {
  ticketId: number;
  number: string;
  serviceId: number;
  priorityClass: PriorityClass | null;
  counterId: number;
  counterNumber: number;
  counterName: string;
  calledAt: string;
  recall: boolean;
}

/** What screens show of the centre itself. */
export interface CentreInfo {
  name: string;
  /**
   * The centre's street address; empty for none. Missing from `centre:updated` events
   * recorded before the field existed: read that as empty.
   */
  address: string;
  /** Priority classes offered at the kiosk, in order. */
  priorityClasses: PriorityClassOption[];
  /** Reasons a clerk can pause a counter for. */
  pauseReasons: string[];
  /** Recalls allowed after the first call. */
  recallLimit: number;
  /**
   * Who may take a ticket: under `paired` a kiosk must pair before it can issue. Missing
   * from `centre:updated` events recorded before the field existed: read that as `open`.
   */
  kioskPolicy: KioskPolicy;
  /**
   * The centre's IANA time zone (LUOT_TIME_ZONE, else the admins' setting): screens show
   * clocks, times and the service day in it, whatever zone their PC is set to.
   */
  timeZone: string;
  /**
   * LUOT_TIME_ZONE is set: the zone is the deployment's and the setting cannot change it.
   * Missing from `centre:updated` events recorded before the field existed: read as false.
   */
  timeZoneFixed?: boolean;
  /**
   * Where visitors' phones reach the server (LUOT_PUBLIC_URL, else its LAN address), no
   * trailing slash: tracking links and QR codes start with it, as on printed tickets.
   */
  publicUrl: string;
  /**
   * The centre's logo for screen headers (`GET /api/centre/logo?v=…`, changes when the
   * logo does), or null when none is set.
   */
  logoUrl: string | null;
  /** The hall display's scrolling line; empty for none. */
  tickerText: string;
  /** A kiosk left untouched this long goes back to its start screen. */
  kioskIdleSeconds: number;
  /** How hall displays speak calls. */
  voice: VoiceSettings;
  /** What the counter screen asks after a ticket is finished. */
  rating: {
    enabled: boolean;
    levels: RatingLevel[];
    lowThreshold: number;
    reasons: string[];
    idleSeconds: number;
  };
}

/** Everything a screen needs to draw itself from nothing (as staff see it by default). */
export interface StateSnapshot<S extends Shapes = StaffShapes> {
  /** The last event seq included in this snapshot. */
  seq: number;
  centre: CentreInfo;
  services: Service[];
  /** The kiosk menu's headings; empty: services are listed flat. */
  serviceGroups: ServiceGroup[];
  counters: S['counter'][];
  /** Newest first. */
  recentCalls: RecentCall[];
  /**
   * Active printers and their last known state, shaped like `printer:status` so a live
   * report replaces its entry (kiosks warn before issuing when theirs is out of paper).
   */
  printers: PrinterStatusReport[];
  /** The server's clock when the snapshot was made: screens show the time by it. */
  serverTime: string;
}

/** A snapshot as anyone but staff get it. */
export type PublicStateSnapshot = StateSnapshot<PublicShapes>;

/** A signed-in staff member. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

/** Waiting tickets per service id, sent with every queue change. */
export type WaitingCounts = Record<string, number>;
