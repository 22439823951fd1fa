import type {
  Counter,
  CounterConfig,
  NumberRange,
  PriorityClass,
  PublicTicket,
  Rating,
  ServiceConfig,
  ServiceGroupConfig,
  StaffUser,
  Ticket,
  TrackedTicket,
} from './entities';

/** Header carrying a client-made key that makes a POST safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'luot_session';

/** One named check of `GET /api/health`; `code` says why it failed. */
export interface HealthCheck {
  ok: boolean;
  code?: 'storage_unavailable';
}

/** `GET /api/health`: 200 when every check passes, else 503 with `status: "degraded"`. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  checks: {
    /** A small write to the database commits. */
    storage: HealthCheck;
    /** The data folder's disk has room for the next writes. */
    diskSpace: HealthCheck;
  };
}

/** `POST /api/tickets` */
export interface IssueTicketRequest {
  serviceId: number;
  priorityClass?: PriorityClass | null;
}

/** `POST /api/tickets` → 201 (200 on an idempotent replay) */
export interface IssueTicketResponse {
  /** A new ticket has nothing staff-only yet: everyone gets the public ticket. */
  ticket: PublicTicket;
  /** Tickets of the same service called before this one, as things stand. */
  ahead: number;
  estimatedWaitMinutes: number;
  /** Opens `/t/<token>`, the visitor's live view of the ticket (the QR code on the ticket). */
  trackingToken: string;
}

/** `GET /api/tickets/:id` (a `PublicTicket` but to staff) and every counter action */
export interface TicketResponse {
  ticket: Ticket;
  /** The ticket the counter called automatically after a finish (auto-call on). */
  next?: Ticket | null;
}

/** `POST /api/counters/:id/call`: one ticket out of order, by id or by its number today. */
export type CallTicketRequest = { ticketId: number } | { number: string };

/** `POST /api/counters/:id/transfer`: to another service, a named counter, or both. */
export interface TransferRequest {
  serviceId?: number;
  counterId?: number;
  note?: string;
}

/** `POST /api/tickets/:id/cancel` */
export interface CancelRequest {
  reason: string;
}

/** `POST /api/counters/:id/pause` */
export interface PauseRequest {
  reason: string;
}

/** `GET /api/track/:token`: what the visitor's phone shows. */
export interface TrackResponse {
  ticket: TrackedTicket;
  service: { id: number; name: string; nameEn: string };
  /** The counter that called it, while called or being served. */
  counter: { id: number; number: number; name: string } | null;
  ahead: number;
  estimatedWaitMinutes: number;
  centreName: string;
  /** The centre's IANA time zone: the page shows times in it, not the phone's. */
  timeZone: string;
  /** Where printing the ticket stands (the kiosk's result screen); null: never queued. */
  printState: TicketPrintState | null;
}

/**
 * Where a ticket's newest print job stands, as its holder may know it: `printing` (queued
 * or printing), `printed`, or `failed` (given up, cancelled, or an attempt failed and it
 * waits to retry: the visitor should remember the number).
 */
export type TicketPrintState = 'printing' | 'printed' | 'failed';

/** `POST /api/auth/login` */
export interface LoginRequest {
  username: string;
  password: string;
}

/** `POST /api/auth/login` and `GET /api/auth/me` */
export interface SessionResponse {
  user: StaffUser;
}

/** `POST /api/counters/:id/sign-in` and `/sign-out` */
export interface CounterResponse {
  counter: Counter;
}

/** `GET /api/counters/:id/today`: what the counter finished on the current service day. */
export interface CounterDayResponse {
  counterId: number;
  /** The service day counted (`YYYY-MM-DD`, the centre's time zone). */
  day: string;
  /** Tickets finished at this counter that day (every one, however many). */
  served: number;
  /** Mean minutes from start to finish over those started; null when none was. */
  averageServiceMinutes: number | null;
}

/** The counter actions a clerk can take, each `POST /api/counters/:id/<action>`. */
export const COUNTER_ACTIONS = [
  'call-next',
  'recall',
  'start',
  'finish',
  'no-show',
  'park',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** `POST /api/tickets/:id/rating` */
export interface RateTicketRequest {
  /** 1 (worst) to the number of the centre's rating levels. */
  level: number;
  /** Reasons from the centre's list, for a low level. */
  reasons?: string[];
  comment?: string;
}

/** `POST /api/tickets/:id/rating` → 201 */
export interface RatingResponse {
  rating: Rating;
}

/** `POST /api/services` (`code` derived from the name when absent). */
export interface CreateServiceRequest {
  name: string;
  nameEn?: string;
  /** One to three capital letters or digits. */
  prefix: string;
  code?: string;
  groupId?: number | null;
  numberRange?: NumberRange | null;
  targetWaitMinutes?: number;
  dailyCap?: number | null;
  /** Minutes before closing the kiosk stops issuing; null: the centre's default. */
  cutOff?: number | null;
  sortOrder?: number;
}

/** `PATCH /api/services/:id`: any field of the create request, and the active flag. */
export type UpdateServiceRequest = Partial<CreateServiceRequest> & { active?: boolean };

/** `POST /api/services` → 201, `PATCH /api/services/:id` → 200 */
export interface ServiceResponse {
  service: ServiceConfig;
}

/**
 * `DELETE` of a service, a group or a counter → 200: removed when nothing refers to it,
 * else deactivated (kept for the tickets, reports and ratings that name it), and said so.
 */
export type DeleteResponse<K extends string, T> =
  { deleted: true } | ({ deactivated: true } & { [key in K]: T });

/** `POST /api/service-groups` */
export interface CreateServiceGroupRequest {
  name: string;
  nameEn?: string;
  /** The field it sits in; null or absent: it is a field. */
  parentId?: number | null;
  sortOrder?: number;
}

/** `PATCH /api/service-groups/:id` */
export type UpdateServiceGroupRequest = Partial<CreateServiceGroupRequest> & { active?: boolean };

/** `POST /api/service-groups` → 201, `PATCH /api/service-groups/:id` → 200 */
export interface ServiceGroupResponse {
  group: ServiceGroupConfig;
}

/** `POST /api/counters` */
export interface CreateCounterRequest {
  number: number;
  name: string;
  /** Service ids in ranked tiers, best first. */
  tiers: number[][];
}

/** `PATCH /api/counters/:id` */
export type UpdateCounterRequest = Partial<CreateCounterRequest> & { active?: boolean };

/** `POST /api/counters` → 201, `PATCH /api/counters/:id` → 200 */
export interface CounterConfigResponse {
  counter: CounterConfig;
}

/** `GET /api/catalogue`: everything admins edit, inactive entries included. */
export interface CatalogueResponse {
  services: ServiceConfig[];
  serviceGroups: ServiceGroupConfig[];
  counters: CounterConfig[];
}
