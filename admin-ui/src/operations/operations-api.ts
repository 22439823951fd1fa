import type { BackupResponse, ImportResult } from '@luot/contract';
import { IDEMPOTENCY_HEADER } from '@luot/ui-shared/contract';
import { newRequestId } from '@luot/ui-shared/request-id';
import { refusal, saveDownload, send } from '../file-transfer';

export const BACKUPS_PATH = '/api/backups';
export const CONFIG_EXPORT_PATH = '/api/config/export';
export const CONFIG_IMPORT_PATH = '/api/config/import';

/** Where one listed backup downloads from (its name as `GET /api/backups` gave it). */
export function backupPath(name: string): string {
  return `${BACKUPS_PATH}/${encodeURIComponent(name)}`;
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
  return saveDownload(response, 'luot-config.json');
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
