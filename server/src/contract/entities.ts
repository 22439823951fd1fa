import type { PriorityClassOption } from './settings';

/** The priority classes a visitor may claim at the kiosk (đối tượng ưu tiên). */
export const PRIORITY_CLASSES = ['elderly', 'disabled', 'pregnant', 'merit', 'child'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

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
}

/** One visit in one queue (phiếu / số thứ tự). Times are ISO 8601 strings in UTC. */
export interface Ticket {
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
  /** The last transfer note. */
  note: string | null;
  /** Why it was cancelled. */
  closeReason: string | null;
}

/** The staff member signed in at a counter, as screens may show it. */
export interface StaffRef {
  id: number;
  displayName: string;
}

/** A desk (quầy) and what it is doing now. */
export interface Counter {
  id: number;
  number: number;
  name: string;
  /** Services served, best tier first. */
  serviceIds: number[];
  currentTicket: Ticket | null;
  staff: StaffRef | null;
}

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
  /** Priority classes offered at the kiosk, in order. */
  priorityClasses: PriorityClassOption[];
}

/** Everything a screen needs to draw itself from nothing. */
export interface StateSnapshot {
  /** The last event seq included in this snapshot. */
  seq: number;
  centre: CentreInfo;
  services: Service[];
  counters: Counter[];
  /** Newest first. */
  recentCalls: RecentCall[];
}

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
