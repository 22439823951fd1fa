import type { ExportFormat } from './report-render';

/**
 * What the main thread asks the export thread: the summary as the report thread wrote it
 * (UTF-8 JSON, its buffer transferred again; parsed only in the export thread: the main
 * thread never parses nor copies a decade by day).
 */
export interface ExportRequest {
  id: number;
  json: Uint8Array;
  format: ExportFormat;
}

/** The export thread's answer: the file, or the error's message. */
export type ExportReply =
  | { id: number; contentType: string; fileName: string; body: Uint8Array }
  | { id: number; error: string };
