import type {
  Counter,
  MonitorDevice,
  MonitorToday,
  PrinterState,
  StateSnapshot,
} from '@luot/contract';

/** Printer states that stop tickets printing; `paper_near_end` still prints but is flagged. */
const PRINTER_FAULTS: readonly PrinterState[] = [
  'paper_end',
  'cover_open',
  'offline',
  'unreachable',
  'paper_near_end',
];

/** One thing a supervisor should look at now. `critical` ones are listed first. */
export type MonitorAlert = { key: string; critical: boolean } & (
  | { kind: 'printer'; printerId: number; name: string; state: PrinterState }
  | { kind: 'device'; device: MonitorDevice }
  | { kind: 'paused'; counter: Counter; minutes: number }
  | { kind: 'service-wait'; serviceId: number; minutes: number; target: number }
);

const MINUTE = 60_000;

/**
 * The alerts at `now` (server time): printers in trouble and counters paused too long
 * from the live feed; offline devices and services past their target wait from today's
 * figures (none of these until they have loaded).
 */
export function monitorAlerts(
  state: StateSnapshot,
  today: MonitorToday | null,
  now: number,
): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  for (const printer of state.printers) {
    if (!PRINTER_FAULTS.includes(printer.state)) continue;
    alerts.push({
      key: `printer-${printer.printerId}`,
      critical: printer.state !== 'paper_near_end',
      kind: 'printer',
      printerId: printer.printerId,
      name: printer.name,
      state: printer.state,
    });
  }
  if (today) {
    for (const device of today.devices) {
      if (device.online) continue;
      alerts.push({ key: `device-${device.id}`, critical: true, kind: 'device', device });
    }
    const limit = today.thresholds.pauseAlertMinutes;
    for (const counter of state.counters) {
      if (counter.status !== 'paused' || counter.statusSince === null) continue;
      const minutes = Math.floor((now - Date.parse(counter.statusSince)) / MINUTE);
      if (minutes < limit) continue;
      alerts.push({
        key: `paused-${counter.id}`,
        critical: false,
        kind: 'paused',
        counter,
        minutes,
      });
    }
    for (const queue of today.services) {
      const target = queue.targetWaitMinutes;
      if (queue.oldestIssuedAt === null || target <= 0) continue;
      const waited = now - Date.parse(queue.oldestIssuedAt);
      if (waited <= target * MINUTE) continue;
      alerts.push({
        key: `service-${queue.serviceId}`,
        critical: false,
        kind: 'service-wait',
        serviceId: queue.serviceId,
        minutes: Math.floor(waited / MINUTE),
        target,
      });
    }
  }
  return alerts.sort((a, b) => Number(b.critical) - Number(a.critical));
}
