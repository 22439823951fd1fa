import type {
  PrintJob,
  PrinterView,
  PublicPrinterStatus,
  StaffPrinterStatus,
} from '../../contract/printing';
import type { PrintJobRecord } from '../../storage/print-job-repo';
import type { PrinterRecord } from '../../storage/printer-repo';
import { iso } from '../queue/queue-views';

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

/** Who a printer's state is shown to: anyone (state only), or signed-in staff (and why). */
export type PrinterAudience = 'public' | 'staff';

/**
 * A printer's last known state as anyone may see it, shaped like `printer:status`: the
 * stored report's state and time, with the printer's current name, kiosk and default flag
 * (an admin may have changed them since). A printer that never reported is `unknown`,
 * `at` null.
 */
export function toPublicPrinterStatus(printer: PrinterRecord): PublicPrinterStatus {
  const last = printer.lastStatus;
  return publicPrinterStatus({
    printerId: printer.id,
    name: printer.name,
    deviceId: printer.deviceId,
    isDefault: printer.isDefault,
    state: last?.state ?? 'unknown',
    at: last?.at ?? null,
  });
}

/** A printer's last known state as staff see it: the public form and why (`detail`). */
export function toPrinterReport(printer: PrinterRecord): StaffPrinterStatus {
  return { ...toPublicPrinterStatus(printer), detail: printer.lastStatus?.detail ?? null };
}

/** The printer's state for `audience`. */
export function printerStatusFor(
  printer: PrinterRecord,
  audience: PrinterAudience,
): PublicPrinterStatus {
  return audience === 'staff' ? toPrinterReport(printer) : toPublicPrinterStatus(printer);
}

/**
 * The public form of a state (from a staff report, or anything wider), built field by
 * field, so a field added to the staff form tomorrow never reaches anonymous screens.
 */
export function publicPrinterStatus(report: PublicPrinterStatus): PublicPrinterStatus {
  return {
    printerId: report.printerId,
    name: report.name,
    deviceId: report.deviceId,
    isDefault: report.isDefault,
    state: report.state,
    at: report.at,
  };
}
