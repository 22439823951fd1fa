import type { DayFrame } from './report-time';

/**
 * The facts of one service day, as the reports read them: every ticket of the day as a
 * fixed-width record of Int32s (`FIELDS` per ticket), the rating reasons of some tickets,
 * and the pauses and shifts at counters clipped to the day. Times are offsets in
 * milliseconds from the day's start; `NONE` marks a time (or an id) that is not set.
 * The same shape comes from a stored pack or from the live tables, so both answer alike.
 */
export interface DayFacts extends DayFrame {
  count: number;
  tickets: Int32Array;
  /** Low-score reasons by ticket index (its position in `tickets`). */
  reasons: Map<number, string[]>;
  pauses: Interval[];
  shifts: Interval[];
  /**
   * A transferred ticket's time at the counters before its transfers (called →
   * transferred): busy time for those counters and clerks, though the ticket counts
   * under its last counter.
   */
  handoffs: Interval[];
}

/** A pause or a shift at a counter, as offsets within the day. */
export interface Interval {
  counterId: number;
  /** 0 when no clerk was named. */
  staffId: number;
  start: number;
  end: number;
}

export const F_SERVICE = 0;
export const F_ORIGINAL = 1;
/** 0 when never called to a counter. */
export const F_COUNTER = 2;
export const F_STAFF = 3;
export const F_STATUS = 4;
/** Bit 0: transferred at least once. */
export const F_FLAGS = 5;
/** The rating's level, 0 for none. */
export const F_RATING = 6;
export const F_ISSUED = 7;
export const F_CALLED = 8;
export const F_SERVING = 9;
export const F_FINISHED = 10;
/** The first call (before any transfer); the same as `F_CALLED` for most tickets. */
export const F_FIRST_CALLED = 11;
/**
 * What was promised at issue, two whole minutes in one field (`promised`): the target
 * wait in the low 16 bits (`NO_TARGET` on tickets issued before it was kept) and the
 * estimated wait in bits 16–30 (`NO_ESTIMATE` when none was recorded).
 */
export const F_PROMISED = 12;
export const FIELDS = 13;
export const NO_TARGET = 0xffff;
export const NO_ESTIMATE = 0x7fff;

/** The target and estimate (minutes, or null) as one `F_PROMISED` value. */
export function promised(target: number | null, estimate: number | null): number {
  const clamp = (value: number, none: number) => Math.max(0, Math.min(none - 1, Math.round(value)));
  const low = target === null ? NO_TARGET : clamp(target, NO_TARGET);
  const high = estimate === null ? NO_ESTIMATE : clamp(estimate, NO_ESTIMATE);
  return (high << 16) | low;
}
export const NONE = -2147483648;
export const FLAG_TRANSFERRED = 1;

/**
 * The stored pack's layout version: a pack of another version is rebuilt. 2: the first
 * call, the target and estimate at issue, and the handoffs; 3: the target and estimate in
 * one field (`F_PROMISED`); 4: a transferred ticket not called again since counts under
 * the counter and clerk that called it before its transfer.
 */
export const PACK_FORMAT = 4;

export const STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'parked',
  'cancelled',
  'expired',
] as const;
export const STATUS_DONE = STATUSES.indexOf('done');
export const STATUS_NO_SHOW = STATUSES.indexOf('no_show');
export const STATUS_CANCELLED = STATUSES.indexOf('cancelled');
export const STATUS_EXPIRED = STATUSES.indexOf('expired');

/** A ticket row as the loader reads it. */
export interface TicketFactRow {
  id: number;
  service_id: number;
  original_service_id: number;
  counter_id: number | null;
  staff_id: number | null;
  status: string;
  transfer_count: number;
  level: number | null;
  reasons: string | null;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  target_wait_minutes: number | null;
  estimate_minutes: number | null;
}

/** A transfer as the loader reads it (`ticket_transfers`), in the order made. */
export interface TransferFactRow {
  ticket_id: number;
  counter_id: number | null;
  staff_id: number | null;
  called_at: number | null;
  transferred_at: number | null;
}

const offset = (at: number | null, startMs: number): number => {
  if (at === null) return NONE;
  return Math.max(NONE + 1, Math.min(2147483647, at - startMs));
};

/**
 * Packs a day's ticket rows (with their ratings) into records, with their transfers: a
 * transferred ticket's first call is its earliest call before a transfer, and its time at
 * each counter before a transfer (called → transferred) is a handoff within the day.
 */
export function ticketFacts(
  rows: readonly TicketFactRow[],
  frame: DayFrame,
  transfers: readonly TransferFactRow[] = [],
): { tickets: Int32Array; reasons: Map<number, string[]>; handoffs: Interval[] } {
  const startMs = frame.startMs;
  const tickets = new Int32Array(rows.length * FIELDS);
  const reasons = new Map<number, string[]>();
  const firstCall = new Map<number, number>();
  // The last call before a transfer, for a ticket not called again since (cancelled or
  // expired while waiting in its new queue): it counts under that counter and clerk.
  const lastCall = new Map<number, TransferFactRow & { called_at: number }>();
  const handoffs: Interval[] = [];
  for (const transfer of transfers) {
    if (transfer.called_at === null) continue;
    const known = firstCall.get(transfer.ticket_id);
    if (known === undefined || transfer.called_at < known)
      firstCall.set(transfer.ticket_id, transfer.called_at);
    const latest = lastCall.get(transfer.ticket_id);
    if (transfer.counter_id !== null && (!latest || transfer.called_at > latest.called_at))
      lastCall.set(transfer.ticket_id, { ...transfer, called_at: transfer.called_at });
    if (transfer.counter_id === null || transfer.transferred_at === null) continue;
    const clipped = clipInterval(
      {
        counter_id: transfer.counter_id,
        staff_id: transfer.staff_id,
        started_at: transfer.called_at,
        ended_at: transfer.transferred_at,
      },
      frame,
      frame.endMs,
    );
    if (clipped) handoffs.push(clipped);
  }
  rows.forEach((row, i) => {
    const at = i * FIELDS;
    tickets[at + F_SERVICE] = row.service_id;
    tickets[at + F_ORIGINAL] = row.original_service_id;
    const caller = row.counter_id === null ? (lastCall.get(row.id) ?? row) : row;
    tickets[at + F_COUNTER] = caller.counter_id ?? 0;
    tickets[at + F_STAFF] = caller.staff_id ?? 0;
    tickets[at + F_STATUS] = STATUSES.indexOf(row.status as (typeof STATUSES)[number]);
    tickets[at + F_FLAGS] = row.transfer_count > 0 ? FLAG_TRANSFERRED : 0;
    tickets[at + F_RATING] = row.level ?? 0;
    tickets[at + F_ISSUED] = offset(row.issued_at, startMs);
    tickets[at + F_CALLED] = offset(row.called_at, startMs);
    tickets[at + F_SERVING] = offset(row.serving_at, startMs);
    tickets[at + F_FINISHED] = offset(row.finished_at, startMs);
    tickets[at + F_FIRST_CALLED] = offset(firstCall.get(row.id) ?? row.called_at, startMs);
    tickets[at + F_PROMISED] = promised(row.target_wait_minutes, row.estimate_minutes);
    const chosen = row.reasons === null ? [] : (JSON.parse(row.reasons) as string[]);
    if (chosen.length > 0) reasons.set(i, chosen);
  });
  return { tickets, reasons, handoffs };
}

/** A pause or shift row, clipped to [startMs, until) as offsets; null when outside. */
export function clipInterval(
  row: { counter_id: number; staff_id: number | null; started_at: number; ended_at: number | null },
  frame: DayFrame,
  until: number,
): Interval | null {
  const start = Math.max(row.started_at, frame.startMs);
  const end = Math.min(row.ended_at ?? until, frame.endMs, until);
  if (end <= start) return null;
  return {
    counterId: row.counter_id,
    staffId: row.staff_id ?? 0,
    start: start - frame.startMs,
    end: end - frame.startMs,
  };
}

/** What goes in a pack's `extras` column. */
interface Extras {
  reasons: [number, string[]][];
  pauses: [number, number, number, number][];
  shifts: [number, number, number, number][];
  handoffs: [number, number, number, number][];
}

const flat = (i: Interval): [number, number, number, number] => [
  i.counterId,
  i.staffId,
  i.start,
  i.end,
];
const unflat = ([counterId, staffId, start, end]: [number, number, number, number]): Interval => ({
  counterId,
  staffId,
  start,
  end,
});

/** The stored form of a day's facts: the records' bytes and the extras' JSON. */
export function encodeFacts(facts: DayFacts): { blob: Buffer; extras: string } {
  const blob = Buffer.from(
    facts.tickets.buffer,
    facts.tickets.byteOffset,
    facts.tickets.byteLength,
  );
  const extras: Extras = {
    reasons: [...facts.reasons],
    pauses: facts.pauses.map(flat),
    shifts: facts.shifts.map(flat),
    handoffs: facts.handoffs.map(flat),
  };
  return { blob, extras: JSON.stringify(extras) };
}

/** A stored pack back into facts (read in place, or copied when not 4-byte aligned). */
export function decodeFacts(frame: DayFrame, blob: Uint8Array, extrasJson: string): DayFacts {
  let tickets: Int32Array;
  if (blob.byteOffset % 4 === 0) {
    tickets = new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  } else {
    tickets = new Int32Array(blob.byteLength / 4);
    new Uint8Array(tickets.buffer).set(blob);
  }
  const extras = JSON.parse(extrasJson) as Extras;
  return {
    ...frame,
    count: tickets.length / FIELDS,
    tickets,
    reasons: new Map(extras.reasons),
    pauses: extras.pauses.map(unflat),
    shifts: extras.shifts.map(unflat),
    handoffs: extras.handoffs.map(unflat),
  };
}
