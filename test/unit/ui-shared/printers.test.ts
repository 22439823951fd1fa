import type { PrinterStatusReport, StateSnapshot } from '../../../server/src/contract';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';
import { applyPrinterStatus, kioskPrinter, printerFault } from '../../../ui-shared/src/printers';
import { snapshot } from './fixtures';

function report(overrides: Partial<PrinterStatusReport> = {}): PrinterStatusReport {
  return {
    printerId: 1,
    name: 'Máy in sảnh',
    deviceId: null,
    isDefault: true,
    state: 'online',
    detail: null,
    at: '2026-03-02T01:00:00.000Z',
    ...overrides,
  };
}

describe('applyPrinterStatus', () => {
  test('replaces the printer entry and leaves its input untouched', () => {
    const before = snapshot({ printers: [report(), report({ printerId: 2, isDefault: false })] });
    const copy = structuredClone(before);
    const live = report({ state: 'paper_end', at: '2026-03-02T01:05:00.000Z' });
    const after = applyPrinterStatus(before, live);
    expect(after.printers).toEqual([live, before.printers[1]]);
    expect(before).toEqual(copy);
    expect(after.seq).toBe(before.seq);
    expect(after.counters).toBe(before.counters);
  });

  test('adds a printer the snapshot did not have, in id order', () => {
    const before = snapshot({ printers: [report({ printerId: 3 })] });
    const after = applyPrinterStatus(before, report({ printerId: 2 }));
    expect(after.printers.map((p) => p.printerId)).toEqual([2, 3]);
  });

  test('ignores a report older than the entry it would replace', () => {
    const before = snapshot({ printers: [report({ state: 'online' })] });
    const stale = report({ state: 'paper_end', at: '2026-03-02T00:59:00.000Z' });
    expect(applyPrinterStatus(before, stale)).toBe(before);
  });

  test('accepts any report for a printer that never reported', () => {
    const before = snapshot({ printers: [report({ state: 'unknown', at: null })] });
    const after = applyPrinterStatus(before, report({ state: 'cover_open' }));
    expect(after.printers[0]?.state).toBe('cover_open');
  });
});

describe('kioskPrinter and printerFault', () => {
  const lobby = report({ printerId: 1, isDefault: true });
  const own = report({ printerId: 2, isDefault: false, deviceId: 7 });

  test('a paired kiosk watches its own printer, the newest when several', () => {
    const newer = report({ printerId: 5, isDefault: false, deviceId: 7 });
    expect(kioskPrinter([lobby, own, newer], 7)).toBe(newer);
  });

  test('a kiosk without its own printer, or without a device id, watches the default', () => {
    expect(kioskPrinter([lobby, own], 9)).toBe(lobby);
    expect(kioskPrinter([lobby, own], null)).toBe(lobby);
    expect(kioskPrinter([own], null)).toBeNull();
  });

  test.each([
    ['paper_end', true],
    ['cover_open', true],
    ['offline', true],
    ['unreachable', true],
    ['paper_near_end', false],
    ['online', false],
    ['unknown', false],
  ] as const)('%s is a fault: %s', (state, fault) => {
    expect(printerFault(report({ state }))).toBe(fault);
  });

  test('no printer is no fault', () => {
    expect(printerFault(null)).toBe(false);
  });
});

describe('QueueFeed.receivePrinterStatus', () => {
  test('merges live reports into the state, which later feed events keep', () => {
    const states: StateSnapshot[] = [];
    const feed = new QueueFeed(() => Promise.reject(new Error('no sync')), {
      onState: (state) => states.push(state),
    });
    feed.receivePrinterStatus(report({ state: 'paper_end' }));
    expect(states).toHaveLength(0);
    feed.receiveSnapshot(snapshot({ printers: [report()] }));
    feed.receivePrinterStatus(report({ state: 'paper_end', at: '2026-03-02T02:00:00.000Z' }));
    expect(feed.current?.printers[0]?.state).toBe('paper_end');
    expect(feed.current?.seq).toBe(10);
    expect(states).toHaveLength(2);
  });
});
