import { ApiRequestError } from '@luot/ui-shared/api';
import { IDEMPOTENCY_HEADER } from '@luot/ui-shared/contract';
import { newRequestId } from '@luot/ui-shared/request-id';

/** Where the catalogue is exported and imported as a spreadsheet. */
export const EXPORT_PATH = '/api/services/export.xlsx';
export const IMPORT_PATH = '/api/services/import';

/** One refused row of an imported file, as the server names it (row null: not a row). */
export interface ImportRowError {
  row: number | null;
  column?: string;
  /** Why, as a stable code screens translate (`import.row.<code>`). */
  code?: string;
  message: string;
}

/** An import the server refused: its code and message, and the rows at fault. */
export class ImportRefused extends ApiRequestError {
  constructor(
    code: ApiRequestError['code'],
    message: string,
    status: number,
    readonly rows: ImportRowError[],
  ) {
    super(code, message, status);
  }
}

function rowErrors(error: Record<string, unknown>): ImportRowError[] {
  const rows = error.rows ?? (error.details as Record<string, unknown> | undefined)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const { row, column, code, message } = r as Record<string, unknown>;
    if ((typeof row !== 'number' && row !== null) || typeof message !== 'string') return [];
    return [
      {
        row,
        message,
        ...(typeof column === 'string' ? { column } : {}),
        ...(typeof code === 'string' ? { code } : {}),
      },
    ];
  });
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err));
  }
}

async function refusal(response: Response): Promise<ImportRefused> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ImportRefused(
      error.code as ApiRequestError['code'],
      typeof error.message === 'string' ? error.message : '',
      response.status,
      rowErrors(error),
    );
  }
  return new ImportRefused('internal_error', `HTTP ${response.status}`, response.status, []);
}

/** Downloads the catalogue as an XLSX file, under the name the server gives it. */
export async function downloadCatalogue(): Promise<void> {
  const response = await send(EXPORT_PATH, { method: 'GET' });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'luot-services.xlsx';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The content type the server reads a chosen file as: XLSX, or else CSV. */
function fileType(file: File): string {
  if (file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** Sends an XLSX or CSV file as the body of `POST /api/services/import`; the server's answer. */
export async function uploadCatalogue(file: File): Promise<unknown> {
  const response = await send(IMPORT_PATH, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': fileType(file),
      [IDEMPOTENCY_HEADER]: newRequestId(),
    },
    body: file,
  });
  if (!response.ok) throw await refusal(response);
  return response.json().catch(() => ({}));
}

/**
 * How many services an import's answer says it created and changed, when it says so
 * (`{ created, updated }`, or those under `services`).
 */
export function importCounts(answer: unknown): { created: number; updated: number } | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const record = answer as Record<string, unknown>;
  const inner = record.services;
  const source =
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : record;
  const count = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : null);
  const created = count(source.created);
  const updated = count(source.updated);
  return created === null || updated === null ? null : { created, updated };
}
