import type { OpeningInterval } from '../../contract/settings';
import { parseClockTime } from '../../domain/calendar';
import { wallClockInstant } from '../../domain/day-bounds';
import type { DayFrame } from './report-time';
import { weekdayOf } from './report-time';

/**
 * Interval arithmetic for clerks' time, on flat lists `[start0, end0, start1, end1, …]` of
 * offsets (ms) within a day: pieces are half-open, [start, end).
 */

/** When the centre is open, as the reports read it: the weekly hours and the holidays. */
export interface OpeningCalendar {
  /** "0" = Sunday … "6" = Saturday, as the settings store them. */
  weekly: Partial<Record<string, readonly OpeningInterval[]>>;
  holidays: readonly string[];
}

/** The day's opening hours as offsets from its start, in order; none on a holiday. */
export function openPieces(frame: DayFrame, calendar: OpeningCalendar): number[] {
  if (calendar.holidays.includes(frame.day)) return [];
  const weekday = (weekdayOf(frame.day) + 1) % 7;
  const at = (minutes: number) =>
    frame.uniform
      ? minutes * 60_000
      : wallClockInstant(frame.day, minutes, frame.timeZone) - frame.startMs;
  const pieces: number[] = [];
  for (const interval of calendar.weekly[String(weekday)] ?? []) {
    pieces.push(at(parseClockTime(interval.open)), at(parseClockTime(interval.close)));
  }
  return union(pieces);
}

/** Appends to `out` the parts of [start, end) inside the sorted, disjoint `within`. */
export function clipTo(start: number, end: number, within: readonly number[], out: number[]): void {
  for (let i = 0; i < within.length; i += 2) {
    const from = Math.max(start, within[i]!);
    const to = Math.min(end, within[i + 1]!);
    if (to > from) out.push(from, to);
  }
}

/** The pieces merged: sorted, disjoint, none empty. */
export function union(pieces: readonly number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < pieces.length; i += 2) if (pieces[i + 1]! > pieces[i]!) order.push(i);
  order.sort((a, b) => pieces[a]! - pieces[b]!);
  const merged: number[] = [];
  for (const i of order) {
    const start = pieces[i]!;
    const end = pieces[i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return merged;
}

/** The parts of sorted, disjoint `base` outside sorted, disjoint `minus`. */
export function subtract(base: readonly number[], minus: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < base.length; i += 2) {
    let start = base[i]!;
    const end = base[i + 1]!;
    while (j < minus.length && minus[j + 1]! <= start) j += 2;
    let k = j;
    while (k < minus.length && minus[k]! < end) {
      if (minus[k]! > start) out.push(start, minus[k]!);
      start = Math.max(start, minus[k + 1]!);
      k += 2;
    }
    if (end > start) out.push(start, end);
  }
  return out;
}
