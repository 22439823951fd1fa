import { parentPort } from 'node:worker_threads';
import type { ReportSummary } from '../../contract/reports';
import { lowerThreadPriority } from './thread-priority';
import type { ExportReply, ExportRequest } from './report-export-protocol';
import { renderReportHere } from './report-render';

/** The body of the export thread (see report-export.ts): renders one file per message. */
function serve(port: NonNullable<typeof parentPort>): void {
  lowerThreadPriority();
  port.on('message', (message: ExportRequest) => {
    void (async () => {
      let reply: ExportReply;
      try {
        const file = await renderReportHere(
          JSON.parse(new TextDecoder().decode(message.json)) as ReportSummary,
          message.format,
        );
        reply = { id: message.id, ...file };
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    })();
  });
}

if (parentPort) serve(parentPort);
