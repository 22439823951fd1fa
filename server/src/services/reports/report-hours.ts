import { DEFAULT_SETTINGS } from '../../contract/settings';
import { settingsPatchSchema } from '../../contract/schemas';
import { validateIntervals } from '../../domain/calendar';
import type { Database } from '../../storage/database';
import type { OpeningCalendar } from './report-intervals';

/**
 * The centre's opening hours and holidays as stored now (the defaults where a row is
 * missing or no longer valid, as the settings service reads them): clerks' paused and
 * idle time count only while the centre is open.
 */
export function readOpeningCalendar(db: Database): OpeningCalendar {
  const rows = db.all<{ key: string; value: string }>(
    "SELECT key, value FROM settings WHERE key IN ('openingHours', 'holidays')",
  );
  const stored = (key: string): unknown => {
    const row = rows.find((r) => r.key === key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch {
      return undefined;
    }
  };
  const shape = settingsPatchSchema.shape;
  const hours = shape.openingHours.safeParse(stored('openingHours'));
  let weekly: OpeningCalendar['weekly'] = DEFAULT_SETTINGS.openingHours;
  if (hours.success && hours.data) {
    try {
      for (const intervals of Object.values(hours.data)) validateIntervals(intervals ?? []);
      weekly = hours.data;
    } catch {
      // Hours that no longer validate: the settings service falls back to the defaults too.
    }
  }
  const holidays = shape.holidays.safeParse(stored('holidays'));
  return {
    weekly,
    holidays: holidays.success && holidays.data ? holidays.data : DEFAULT_SETTINGS.holidays,
  };
}
