import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';

/** An issue the kiosk sent and has not yet seen answered; retried with its key. */
export interface PendingIssue {
  key: string;
  serviceId: number;
}

/** A change the server acknowledged with a 2xx, and how to find it in the stored feed. */
export interface AcknowledgedChange {
  /** The feed event it must have stored, or `rating` for a ratings row. */
  type: string;
  ticketId: number;
  /** A ticket field (or the rating level) that tells this change from the others. */
  field: string;
  value: unknown;
}

/** Everything the load saw acknowledged, over every round. */
export interface LoadRecord {
  /** Issued tickets by idempotency key: id and number. */
  issued: Map<string, { id: number; number: string; serviceId: number }>;
  /** Issues sent whose answer never came (the server died): retried after the restart. */
  pending: Map<string, PendingIssue>;
  /** Keys whose issue the server refused with a 4xx: no ticket may exist for them. */
  refused: Set<string>;
  changes: AcknowledgedChange[];
  /** 2xx answers by action, for the report. */
  counts: Record<string, number>;
  /** Counter actions refused, by action and code, for the report. */
  refusals: Record<string, number>;
}

export function emptyLoadRecord(): LoadRecord {
  return {
    issued: new Map(),
    pending: new Map(),
    refused: new Set(),
    changes: [],
    counts: {},
    refusals: {},
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Sends one issue with its key; records the answer. Throws when the server is gone. */
export async function sendIssue(
  kiosk: ApiClient,
  issue: PendingIssue,
  record: LoadRecord,
): Promise<void> {
  record.pending.set(issue.key, issue);
  const response = await kiosk.post<{ ticket: Ticket }>(
    '/api/tickets',
    { serviceId: issue.serviceId },
    { 'Idempotency-Key': issue.key },
  );
  record.pending.delete(issue.key);
  if (response.status === 200 || response.status === 201) {
    const { ticket } = response.body;
    record.issued.set(issue.key, {
      id: ticket.id,
      number: ticket.number,
      serviceId: issue.serviceId,
    });
    record.counts.issue = (record.counts.issue ?? 0) + 1;
  } else if (response.status >= 400 && response.status < 500) {
    record.refused.add(issue.key);
  } else {
    throw new Error(`issue answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** The stored trace of each counter action, by its path. */
const TRACE: Record<string, { type: string; field: keyof Ticket }> = {
  'call-next': { type: 'ticket:called', field: 'calledAt' },
  start: { type: 'ticket:started', field: 'servingAt' },
  finish: { type: 'ticket:finished', field: 'finishedAt' },
  park: { type: 'ticket:parked', field: 'parkedAt' },
  transfer: { type: 'ticket:transferred', field: 'transferCount' },
};

/**
 * One counter's clerk working until `stop()` or the server dies: call the next number,
 * start, then finish (and the visitor rates), transfer it to another service, or park it.
 * Each 2xx is recorded; a refusal (409 after a restart left the counter mid-ticket,
 * 404 queue_empty) moves on.
 */
export async function counterWorker(
  clerk: ApiClient,
  visitor: ApiClient,
  counterId: number,
  serviceIds: readonly number[],
  random: Random,
  record: LoadRecord,
  stop: () => boolean,
): Promise<void> {
  const act = async (action: string, body: object = {}): Promise<Ticket | null> => {
    const response = await clerk.post<{ ticket: Ticket }>(
      `/api/counters/${counterId}/${action}`,
      body,
      { 'Idempotency-Key': randomUUID() },
    );
    if (response.status >= 500) throw new Error(`${action} answered ${response.status}`);
    if (response.status !== 200) {
      const code = (response.body as { error?: { code?: string } }).error?.code;
      const refusal = `${action} ${code ?? response.status}`;
      record.refusals[refusal] = (record.refusals[refusal] ?? 0) + 1;
      return null;
    }
    const { ticket } = response.body;
    const trace = TRACE[action] as { type: string; field: keyof Ticket };
    record.changes.push({
      type: trace.type,
      ticketId: ticket.id,
      field: trace.field,
      value: ticket[trace.field],
    });
    record.counts[action] = (record.counts[action] ?? 0) + 1;
    return ticket;
  };
  while (!stop()) {
    const called = await act('call-next');
    if (called === null && stop()) return;
    await act('start');
    const choice = random();
    if (choice < 0.7) {
      const finished = await act('finish');
      if (finished !== null && random() < 0.6) {
        const level = 1 + Math.floor(random() * 4);
        const rated = await visitor.post(`/api/tickets/${finished.id}/rating`, { level });
        if (rated.status >= 500) throw new Error(`rating answered ${rated.status}`);
        if (rated.status === 201) {
          record.changes.push({
            type: 'rating',
            ticketId: finished.id,
            field: 'level',
            value: level,
          });
          record.counts.rating = (record.counts.rating ?? 0) + 1;
        }
      }
    } else if (choice < 0.85) {
      await act('transfer', { serviceId: pick(random, serviceIds) });
    } else {
      await act('park');
    }
    if (called === null) await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** A kiosk issuing numbers for random services until `stop()` or the server dies. */
export async function kioskWorker(
  kiosk: ApiClient,
  serviceIds: readonly number[],
  random: Random,
  record: LoadRecord,
  stop: () => boolean,
): Promise<void> {
  while (!stop()) {
    await sendIssue(kiosk, { key: randomUUID(), serviceId: pick(random, serviceIds) }, record);
  }
}
