import { ApiRequestError, apiGet } from '@luot/ui-shared/api';
import type { ReportSummary } from '../../../server/src/contract/reports';
import { refusal, send } from '../file-transfer';

/**
 * The server ends a report at 60 s (`503 reports_unavailable`); the page waits a little
 * longer for that answer rather than give up first with "no connection".
 */
export const REPORT_TIMEOUT_MS = 65_000;
/**
 * While the server's report queue is full (`429 report_busy`: other supervisors' reports
 * ahead), the page asks again after a pause, this many times, before it says so.
 */
export const BUSY_RETRIES = 8;
export const BUSY_PAUSE_MS = 2_500;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `ask()`, asked again after a pause (with a random share, so two pages do not come back
 * together) while the answer is `report_busy` and `wanted()` still holds.
 */
export async function askWhileBusy<T>(ask: () => Promise<T>, wanted: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      const busy = error instanceof ApiRequestError && error.code === 'report_busy';
      if (!busy || attempt >= BUSY_RETRIES || !wanted()) throw error;
      await pause(BUSY_PAUSE_MS * (1 + Math.random() / 2));
    }
  }
}

/** One report as JSON. */
export function fetchSummary(path: string, wanted: () => boolean): Promise<ReportSummary> {
  return askWhileBusy(() => apiGet<ReportSummary>(path, { timeoutMs: REPORT_TIMEOUT_MS }), wanted);
}

/** The file name a `Content-Disposition` header gives (its UTF-8 form first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * Fetches a report file (CSV, XLSX, PDF) and hands it to the browser as a download under
 * the server's file name; an error answer is thrown, for the page to show, rather than
 * saved as a file or dropped silently as a plain download link would.
 */
export async function downloadReport(path: string, fallbackName: string): Promise<void> {
  const file = await askWhileBusy(
    async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), REPORT_TIMEOUT_MS);
      try {
        const answer = await send(path, { signal: controller.signal });
        if (!answer.ok) throw await refusal(answer);
        return {
          blob: await answer.blob(),
          name: fileNameOf(answer.headers.get('Content-Disposition')),
        };
      } finally {
        clearTimeout(timer);
      }
    },
    () => true,
  );
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob once the click's download starts; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
