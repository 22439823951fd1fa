import type { BackupResponse, ImportResult } from '@luot/contract';
import { ApiRequestError } from '@luot/ui-shared/api';
import { IDEMPOTENCY_HEADER } from '@luot/ui-shared/contract';
import { newRequestId } from '@luot/ui-shared/request-id';
import { ImportRefused, type ImportRowError } from '../catalogue/catalogue-file';

export const BACKUPS_PATH = '/api/backups';
export const CONFIG_EXPORT_PATH = '/api/config/export';
export const CONFIG_IMPORT_PATH = '/api/config/import';

/** Where one listed backup downloads from (its name as `GET /api/backups` gave it). */
export function backupPath(name: string): string {
  return `${BACKUPS_PATH}/${encodeURIComponent(name)}`;
}

/**
 * One same-origin request with no time limit of its own: a large centre's backup or
 * import may take longer than the 10 s the other calls are given, and giving up on it
 * in the page would not stop it on the server.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err));
  }
}

function rowErrors(error: Record<string, unknown>): ImportRowError[] {
  if (!Array.isArray(error.rows)) return [];
  return error.rows.flatMap((r: unknown) => {
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

/** The server's `{ error: { code, message, rows? } }` as an error to throw. */
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

/** `POST /api/backups`: takes a backup now, however long the server needs. */
export async function createBackup(): Promise<BackupResponse> {
  const response = await send(BACKUPS_PATH, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [IDEMPOTENCY_HEADER]: newRequestId(),
    },
    body: '{}',
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as BackupResponse;
}

/** Downloads the whole configuration under the name the server gives it; that name. */
export async function downloadConfig(): Promise<string> {
  const response = await send(CONFIG_EXPORT_PATH, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'luot-config.json';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * Sends a chosen configuration file, as it is, to `POST /api/config/import` (with
 * `?replace=true` to overwrite a centre that has services or counters). The server
 * checks it: a file that is not JSON is its `400 invalid_json`, a wrong entry its
 * `422 import_failed` with the entries at fault.
 */
export async function uploadConfig(file: File, replace: boolean): Promise<ImportResult> {
  const response = await send(CONFIG_IMPORT_PATH + (replace ? '?replace=true' : ''), {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [IDEMPOTENCY_HEADER]: newRequestId(),
    },
    body: file,
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as ImportResult;
}
