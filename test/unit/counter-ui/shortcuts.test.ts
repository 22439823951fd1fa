import { dayFigures, waitOf } from '../../../counter-ui/src/day-figures';
import { shortcutFor, type KeyPress } from '../../../counter-ui/src/shortcuts';
import type { CounterDayResponse } from '../../../server/src/contract';

const press = (key: string, location = 0, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  location,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});
const PAD = 3;

describe('shortcutFor()', () => {
  test.each([
    ['F1', 'call-next'],
    ['F2', 'recall'],
    ['F3', 'start'],
    ['F4', 'finish'],
    ['F6', 'transfer'],
    ['F8', 'no-show'],
  ])('maps %s to %s with or without number-pad mode', (key, action) => {
    expect(shortcutFor(press(key), false)).toBe(action);
    expect(shortcutFor(press(key), true)).toBe(action);
  });

  test('ignores other function keys and function keys with a modifier', () => {
    expect(shortcutFor(press('F5'), true)).toBeNull();
    expect(shortcutFor(press('F1', 0, { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('F4', 0, { altKey: true }), false)).toBeNull();
  });

  test.each([
    ['+', 'call-next'],
    ['.', 'recall'],
    [',', 'recall'],
    ['Enter', 'serve'],
    ['-', 'no-show'],
    ['/', 'transfer'],
  ])('maps the pad’s %s to %s in number-pad mode only', (key, action) => {
    expect(shortcutFor(press(key, PAD), true)).toBe(action);
    expect(shortcutFor(press(key, PAD), false)).toBeNull();
  });

  test('never acts on the main keyboard’s Enter or minus, even in number-pad mode', () => {
    expect(shortcutFor(press('Enter'), true)).toBeNull();
    expect(shortcutFor(press('-'), true)).toBeNull();
    expect(shortcutFor(press('5', PAD), true)).toBeNull();
  });
});

const day = (served: number, averageServiceMinutes: number | null): CounterDayResponse => ({
  counterId: 1,
  day: '2026-03-02',
  served,
  averageServiceMinutes,
});

describe('dayFigures()', () => {
  test('takes the server’s count and turns its mean minutes into milliseconds', () => {
    expect(dayFigures(day(251, 7.5))).toEqual({ served: 251, averageServiceMs: 450000 });
  });

  test('has no average before any ticket was started', () => {
    expect(dayFigures(day(0, null))).toEqual({ served: 0, averageServiceMs: null });
    expect(dayFigures(day(2, null)).averageServiceMs).toBeNull();
  });
});

describe('waitOf()', () => {
  const issued = '2026-03-02T01:00:00Z';
  const at = (minutes: number, seconds = 0) =>
    Date.parse(issued) + minutes * 60000 + seconds * 1000;

  test('is over target only once the wait passes the service’s target', () => {
    expect(waitOf(issued, 15, at(15))).toEqual({ minutes: 15, overTarget: false });
    expect(waitOf(issued, 15, at(15, 1))).toEqual({ minutes: 15, overTarget: true });
  });

  test('never marks a service without a target, and never counts a negative wait', () => {
    expect(waitOf(issued, 0, at(120)).overTarget).toBe(false);
    expect(waitOf(issued, undefined, at(120)).overTarget).toBe(false);
    expect(waitOf(issued, 15, at(-5))).toEqual({ minutes: 0, overTarget: false });
  });
});
