import type { PrinterState, PrinterStatusReport, StateSnapshot } from '@luot/contract';

/** States in which a ticket will not come out of the printer: the kiosk warns visitors. */
const FAULTS: readonly PrinterState[] = ['paper_end', 'cover_open', 'offline', 'unreachable'];

/**
 * The state after a `printer:status` report: a pure function. The report replaces the
 * printer's entry (or is added, in printer id order); a report older than the entry it
 * would replace (a live report that raced a fresher snapshot) is ignored.
 */
export function applyPrinterStatus(
  state: StateSnapshot,
  report: PrinterStatusReport,
): StateSnapshot {
  const index = state.printers.findIndex((p) => p.printerId === report.printerId);
  if (index === -1) {
    const printers = [...state.printers, report].sort((a, b) => a.printerId - b.printerId);
    return { ...state, printers };
  }
  const current = state.printers[index]!;
  if (current.at !== null && report.at !== null && report.at < current.at) return state;
  return { ...state, printers: state.printers.map((p, i) => (i === index ? report : p)) };
}

/**
 * The printer a kiosk's tickets go to, as the server chooses it: a paired kiosk's own
 * printer (the newest when several), otherwise the default printer (the newest). Null
 * when there is neither, or the kiosk does not know its device id and there is no default.
 */
export function kioskPrinter(
  printers: readonly PrinterStatusReport[],
  deviceId: number | null,
): PrinterStatusReport | null {
  const newest = (list: PrinterStatusReport[]) =>
    list.reduce<PrinterStatusReport | null>(
      (best, p) => (best === null || p.printerId > best.printerId ? p : best),
      null,
    );
  const own = deviceId === null ? null : newest(printers.filter((p) => p.deviceId === deviceId));
  return own ?? newest(printers.filter((p) => p.isDefault));
}

/** Whether a printer in this state will not print a ticket (paper near end still prints). */
export function printerFault(report: PrinterStatusReport | null): boolean {
  return report !== null && FAULTS.includes(report.state);
}
