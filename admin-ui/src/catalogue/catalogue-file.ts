import { refusal, saveDownload, send } from '../file-transfer';
import { IDEMPOTENCY_HEADER } from '@luot/ui-shared/contract';
import { newRequestId } from '@luot/ui-shared/request-id';

/** Where the catalogue is exported and imported as a spreadsheet. */
export const EXPORT_PATH = '/api/services/export.xlsx';
export const IMPORT_PATH = '/api/services/import';

export { ImportRefused, type ImportRowError } from '../file-transfer';

/** Downloads the catalogue as an XLSX file, under the name the server gives it. */
export async function downloadCatalogue(): Promise<void> {
  const response = await send(EXPORT_PATH, { method: 'GET' });
  if (!response.ok) throw await refusal(response);
  await saveDownload(response, 'luot-services.xlsx');
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
 * How many services an import's answer says it created, changed and found unchanged, when
 * it says so (`{ created, updated, unchanged }`, or those under `services`; a server that
 * does not count the unchanged gives none).
 */
export function importCounts(
  answer: unknown,
): { created: number; updated: number; unchanged: number } | null {
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
  const unchanged = count(source.unchanged) ?? 0;
  return created === null || updated === null ? null : { created, updated, unchanged };
}
