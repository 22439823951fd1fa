import type {
  PrinterRemoved,
  PrinterState,
  PrinterStatusReport,
  StateSnapshot,
} from '@luot/contract';

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

/** The state after `printer:removed`: the printer leaves the list (a pure function). */
export function applyPrinterRemoved(state: StateSnapshot, removed: PrinterRemoved): StateSnapshot {
  if (!state.printers.some((p) => p.printerId === removed.printerId)) return state;
  return { ...state, printers: state.printers.filter((p) => p.printerId !== removed.printerId) };
}

/**
 * The state with the printers a `sync` answered: the server's list as it is now replaces
 * the screen's (printer news is live only, so a screen that was offline may have missed
 * an added, changed or removed printer). The same state when nothing differs.
 */
export function applyPrinterList(
  state: StateSnapshot,
  printers: readonly PrinterStatusReport[],
): StateSnapshot {
  const sorted = [...printers].sort((a, b) => a.printerId - b.printerId);
  if (JSON.stringify(sorted) === JSON.stringify(state.printers)) return state;
  return { ...state, printers: sorted };
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
