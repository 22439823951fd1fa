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
}
