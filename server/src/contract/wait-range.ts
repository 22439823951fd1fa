import type { MessageKey } from './message-keys';

/** A wait shown as a band of round minutes: `low`–`high`, or "under `high`" when `low` is 0. */
export interface WaitRange {
  low: number;
  high: number;
}

/**
 * The band of round minutes a visitor is shown for a point estimate of their wait
 * (`estimatedWaitMinutes`): null for 0 (called at once, or almost); under 5 minutes for
 * 1–4; then the band that holds the estimate, 5 minutes wide below 30 (12 → 10–15),
 * 10 below 60 (42 → 40–50), 15 below 120 (70 → 60–75) and 30 beyond (130 → 120–150).
 * An estimate on an edge takes the band above it (10 → 10–15), since waits overrun an
 * estimate more often than they fall short of it. Not a number, or below 0: null.
 */
export function waitRange(minutes: number): WaitRange | null {
  if (!(minutes > 0) || !Number.isFinite(minutes)) return null;
  if (minutes < 5) return { low: 0, high: 5 };
  const width = minutes < 30 ? 5 : minutes < 60 ? 10 : minutes < 120 ? 15 : 30;
  const low = Math.floor(minutes / width) * width;
  return { low, high: low + width };
}

/**
 * An estimate said as its band (`waitRange`) by a screen's translate function, "khoảng
 * 10–15 phút" or "dưới 5 phút", or null for 0: the visitor is called at once, which each
 * screen says in its own words. The sentence around it is `kiosk.estimatedWait`. It lives
 * here, beside the rule, so that the screens share it without a chunk of its own.
 */
export function waitText(
  translate: (key: MessageKey, params: Record<string, number>) => string,
  minutes: number,
): string | null {
  const range = waitRange(minutes);
  if (range === null) return null;
  const { low, high } = range;
  return low === 0
    ? translate('kiosk.waitUnder', { high })
    : translate('kiosk.waitAbout', { low, high });
}
