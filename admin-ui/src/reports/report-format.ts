import type { Language } from '@luot/contract';
import type { MessageKey } from '../../../server/src/contract/message-keys';

/** Turns a message key into the page language's text (`useI18n().t`). */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What an empty cell shows: nothing was measured. */
export const NOTHING = '—';

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and number of decimals (building one is slow). */
function numberFormat(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/** A count as the language writes it: `1.234` in Vietnamese, `1,234` in English. */
export function formatCount(value: number, lang: Language): string {
  return numberFormat(lang, 0).format(value);
}

/** A number with one decimal: `12,5` in Vietnamese, `12.5` in English. */
export function formatDecimal(value: number, lang: Language): string {
  return numberFormat(lang, 1).format(value);
}

/** Minutes with their unit (`12,5 phút`), or a dash when nothing was measured. */
export function formatMinutes(value: number | null, lang: Language, t: Translate): string {
  if (value === null) return NOTHING;
  return t('admin.reports.unit.minutes', { value: formatDecimal(value, lang) });
}

/** A share 0..1 as a percentage with one decimal (`96,7 %`), or a dash. */
export function formatShare(value: number | null, lang: Language, t: Translate): string {
  if (value === null) return NOTHING;
  return t('admin.reports.unit.percent', { value: formatDecimal(value * 100, lang) });
}

/** `dd/mm/yyyy` from `YYYY-MM-DD`, as both languages write dates here. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
