import type { PriorityClass, TicketStatus } from '../contract/entities';

/** A ticket as the domain sees it: times in epoch milliseconds. */
export interface TicketRecord {
  id: number;
  serviceId: number;
  day: string;
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
  trackingToken: string;
  front: boolean;
  targetCounterId: number | null;
  originalServiceId: number;
  transferCount: number;
  note: string | null;
  closeReason: string | null;
  /** When it was last parked; null if never. */
  parkedAt: number | null;
  /** The service's target wait in force at issue, minutes (null before migration 014). */
  targetWaitMinutes: number | null;
  /** The estimated wait shown and printed at issue, minutes (null before migration 014). */
  estimateMinutes: number | null;
}

/** Statuses a ticket can still leave by a clerk's action (not finished for the day). */
export const OPEN_STATUSES = ['waiting', 'called', 'serving', 'parked'] as const;
