/**
 * The service day, for the server and the screens alike: one formatter per zone, built
 * once (building one is slow and both ask often), so both agree on where a day ends.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Every zone's offset, and every change of it, is a whole number of quarter hours, so a
 * local midnight always falls on a quarter hour of UTC: all instants of one UTC quarter
 * hour share their service day in every zone.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** Each zone's last answer, by quarter hour: the hot paths ask many times a second. */
const lastDays = new Map<string, { quarter: number; day: string }>();

/** The service day (YYYY-MM-DD) an instant falls on in the centre's time zone. */
export function serviceDay(instant: number, timeZone: string): string {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const last = lastDays.get(timeZone);
  if (last !== undefined && last.quarter === quarter) return last.day;
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  lastDays.set(timeZone, { quarter, day });
  return day;
}

/** True when the zone name is one the runtime knows (e.g. "Asia/Ho_Chi_Minh"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone name an admin typed, as stored: trimmed, spelled as the runtime lists it when it
 * differs only in case (asia/bangkok → Asia/Bangkok), else as typed (Asia/Ho_Chi_Minh is
 * kept even where the runtime lists it as Asia/Saigon); null when the runtime does not
 * know it. It builds no cached formatter, so names refused leave nothing behind.
 */
export function canonicalTimeZone(typed: string): string | null {
  const zone = typed.trim();
  if (zone === '' || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return null;
  }
  const lower = zone.toLowerCase();
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower) ?? zone;
}
