import { ApiRequestError } from '@luot/ui-shared/api';

/**
 * What the admin app's file transfers share: backups, the configuration and the
 * catalogue spreadsheet go up and down as files, outside the JSON API client.
 */

/** One refused row of an imported file, as the server names it (row null: not a row). */
export interface ImportRowError {
  row: number | null;
  column?: string;
  /** Why, as a stable code screens translate (`import.row.<code>`). */
  code?: string;
  message: string;
  /** What the row clashes with or repeats, e.g. the other service's code (`prefix_taken`). */
  detail?: string;
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
    const { row, column, code, message, detail } = r as Record<string, unknown>;
    if ((typeof row !== 'number' && row !== null) || typeof message !== 'string') return [];
    return [
      {
        row,
        message,
        ...(typeof column === 'string' ? { column } : {}),
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof detail === 'string' ? { detail } : {}),
      },
    ];
  });
}

/**
 * One same-origin request with no time limit of its own: a large centre's backup or
 * import may take longer than the 10 s the other calls are given, and giving up on it
 * in the page would not stop it on the server.
 */
export async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err));
  }
}

/** The server's `{ error: { code, message, rows? } }` as an error to throw. */
export async function refusal(response: Response): Promise<ImportRefused> {
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

/** Saves a download under the name the server gives it (else `fallback`); that name. */
export async function saveDownload(response: Response, fallback: string): Promise<string> {
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallback;
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
