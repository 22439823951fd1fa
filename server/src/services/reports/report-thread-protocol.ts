import type { FactsScope } from './report-packs';
import type { ReportRequest } from './report-run';

/**
 * What the main thread posts to the report thread: a report, or (`buildPacks`) building the
 * missing packs of closed days, answered with how many were built as `json`.
 */
export interface ReportThreadRequest {
  id: number;
  /** The database file the thread opens its own connection to. */
  file: string;
  request: ReportRequest | { buildPacks: FactsScope };
  /** The main thread's live-request gauge (`LiveWork.buffer`), shared: the thread steps aside. */
  live: SharedArrayBuffer | null;
}

/**
 * What the report thread answers: the summary as UTF-8 JSON bytes, their buffer
 * transferred (not copied) to the main thread, which sends them as they are. A decade by
 * day is ≈3 MB: parsing, copying or encoding it on the main thread, or hashing it for an
 * ETag, would hold the event loop for tens of milliseconds.
 */
export type ReportReply = { id: number; json: Uint8Array } | { id: number; error: string };

/**
 * `value` as UTF-8 JSON in a buffer of its own (TextEncoder never hands out a slice of a
 * shared pool, as `Buffer.from` may), so it can be transferred to another thread.
 */
export const jsonBytes = (value: unknown): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(value));

/** Bytes a thread transferred, as a Buffer over the same memory (no copy). */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
