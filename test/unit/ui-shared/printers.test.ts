import type { PrinterStatusReport, StateSnapshot } from '../../../server/src/contract';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';
import {
  applyPrinterList,
  applyPrinterRemoved,
  applyPrinterStatus,
  kioskPrinter,
  printerFault,
} from '../../../ui-shared/src/printers';
import { issuedEvent, snapshot } from './fixtures';

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

describe('applyPrinterStatus for an admin change', () => {
  test('a renamed printer, or one that lost its default flag, keeps its state and time', () => {
    const before = snapshot({ printers: [report(), report({ printerId: 2, isDefault: false })] });
    const renamed = report({ name: 'Máy in quầy 1', isDefault: false });
    const after = applyPrinterStatus(before, renamed);
    expect(after.printers[0]).toEqual(renamed);
    expect(after.printers[1]).toBe(before.printers[1]);
  });
});

describe('applyPrinterRemoved', () => {
  test('drops the printer and leaves its input untouched', () => {
    const before = snapshot({ printers: [report(), report({ printerId: 2, isDefault: false })] });
    const copy = structuredClone(before);
    const after = applyPrinterRemoved(before, { printerId: 1 });
    expect(after.printers.map((p) => p.printerId)).toEqual([2]);
    expect(before).toEqual(copy);
    expect(after.counters).toBe(before.counters);
  });

  test('is the same state for a printer the screen does not list', () => {
    const before = snapshot({ printers: [report()] });
    expect(applyPrinterRemoved(before, { printerId: 9 })).toBe(before);
  });
});

describe('applyPrinterList', () => {
  test("replaces the screen's printers with the server's, in id order", () => {
    const before = snapshot({ printers: [report(), report({ printerId: 2 })] });
    const added = report({
      printerId: 5,
      isDefault: false,
      deviceId: 7,
      state: 'unknown',
      at: null,
    });
    const renamed = report({ name: 'Máy in mới', isDefault: false });
    const after = applyPrinterList(before, [added, renamed]);
    expect(after.printers).toEqual([renamed, added]);
    expect(after.seq).toBe(before.seq);
  });

  test('is the same state when nothing differs', () => {
    const before = snapshot({ printers: [report(), report({ printerId: 2 })] });
    expect(applyPrinterList(before, [report({ printerId: 2 }), report()])).toBe(before);
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

describe('QueueFeed and printer changes', () => {
  test('a live printer:removed drops the printer; before the first snapshot it is ignored', () => {
    const states: StateSnapshot[] = [];
    const feed = new QueueFeed(() => Promise.reject(new Error('no sync')), {
      onState: (state) => states.push(state),
    });
    feed.receivePrinterRemoved({ printerId: 1 });
    expect(states).toHaveLength(0);
    feed.receiveSnapshot(snapshot({ printers: [report(), report({ printerId: 2 })] }));
    feed.receivePrinterRemoved({ printerId: 1 });
    feed.receivePrinterRemoved({ printerId: 1 });
    expect(feed.current?.printers.map((p) => p.printerId)).toEqual([2]);
    expect(states).toHaveLength(2);
  });

  test('after a reconnect the sync answer brings the printers changed meanwhile', async () => {
    // Arrange: a screen that knew printers 1 and 2 went offline; meanwhile an admin renamed
    // 1, removed 2 and added 3, and one ticket was issued.
    const states: StateSnapshot[] = [];
    const renamed = report({ name: 'Máy in quầy 1' });
    const added = report({ printerId: 3, isDefault: false, state: 'unknown', at: null });
    const feed = new QueueFeed(
      (sinceSeq) =>
        Promise.resolve({
          kind: 'events',
          events: [issuedEvent(sinceSeq + 1, 4)],
          printers: [added, renamed],
        }),
      { onState: (state) => states.push(state) },
    );
    feed.receiveSnapshot(snapshot({ printers: [report(), report({ printerId: 2 })] }));

    // Act
    await feed.catchUp();

    // Assert: one new state with both the printers and the event.
    expect(feed.current?.printers).toEqual([renamed, added]);
    expect(feed.current?.seq).toBe(11);
    expect(states).toHaveLength(2);
  });

  test('a sync with no missed events still brings the printers, and only if they changed', async () => {
    const states: StateSnapshot[] = [];
    let printers = [report()];
    const feed = new QueueFeed(() => Promise.resolve({ kind: 'events', events: [], printers }), {
      onState: (state) => states.push(state),
    });
    feed.receiveSnapshot(snapshot({ printers: [report()] }));
    await feed.catchUp();
    expect(states).toHaveLength(1);

    printers = [];
    await feed.catchUp();
    expect(feed.current?.printers).toEqual([]);
    expect(states).toHaveLength(2);
  });
});
