import type { PrintJob, PrinterStatusReport, PrinterView } from '../contract/printing';
import type { PrintJobRecord } from '../storage/print-job-repo';
import type { PrinterRecord } from '../storage/printer-repo';
import { iso } from './views';

/** A stored print job as the API shows it. */
export function toPrintJob(job: PrintJobRecord): PrintJob {
  return {
    id: job.id,
    ticketId: job.ticketId,
    ticketNumber: job.ticketNumber,
    printerId: job.printerId,
    status: job.status,
    attempts: job.attempts,
    lastError: job.lastError,
    createdAt: new Date(job.createdAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
    nextAttemptAt: iso(job.nextAttemptAt),
  };
}

/** A stored printer as the API shows it. */
export function toPrinterView(printer: PrinterRecord): PrinterView {
  return {
    id: printer.id,
    name: printer.name,
    target: printer.target,
    options: printer.options,
    deviceId: printer.deviceId,
    isDefault: printer.isDefault,
    active: printer.active,
    status: printer.lastStatus && toPrinterReport(printer),
  };
}

/**
 * A printer's last known state, shaped like `printer:status`: the stored report's state,
 * detail and time, with the printer's current name, kiosk and default flag (an admin may
 * have changed them since). A printer that never reported is `unknown`, `at` null.
 */
export function toPrinterReport(printer: PrinterRecord): PrinterStatusReport {
  const last = printer.lastStatus;
  return {
    printerId: printer.id,
    name: printer.name,
    deviceId: printer.deviceId,
    isDefault: printer.isDefault,
    state: last?.state ?? 'unknown',
    detail: last?.detail ?? null,
    at: last?.at ?? null,
  };
}
