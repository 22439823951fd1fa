import type { Counter, PriorityClass, StaffUser, Ticket } from './entities';

/** Header carrying a client-made key that makes a POST safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'luot_session';

/** `POST /api/tickets` */
export interface IssueTicketRequest {
  serviceId: number;
  priorityClass?: PriorityClass | null;
}

/** `POST /api/tickets` → 201 (200 on an idempotent replay) */
export interface IssueTicketResponse {
  ticket: Ticket;
  /** Tickets of the same service called before this one, as things stand. */
  ahead: number;
  estimatedWaitMinutes: number;
}

/** `GET /api/tickets/:id` and every counter action */
export interface TicketResponse {
  ticket: Ticket;
}

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

/** The counter actions a clerk can take, each `POST /api/counters/:id/<action>`. */
export const COUNTER_ACTIONS = ['call-next', 'recall', 'start', 'finish', 'no-show'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];
