import type { ExportFormat } from './report-render';

/**
 * What the main thread asks the export thread: the summary as the report thread wrote it
 * (JSON text, parsed only in the export thread: the main thread never parses a decade by
 * day, nor structured-clones the object tree again).
 */
export interface ExportRequest {
  id: number;
  json: string;
  format: ExportFormat;
}

/** The export thread's answer: the file, or the error's message. */
export type ExportReply =
  | { id: number; contentType: string; fileName: string; body: Uint8Array }
  | { id: number; error: string };
