import type { Language, Service } from '@luot/contract';
import { centreTimeZone } from './centre-zone';

/** A service's name in the page language (falls back to Vietnamese when no English is set). */
export function serviceName(service: Service | undefined, lang: Language): string {
  if (!service) return '';
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

/** The service with an id, if the state knows it. */
export function findService(services: Service[], id: number): Service | undefined {
  return services.find((s) => s.id === id);
}

/** The locale each page language formats dates and times in. */
export const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The time of day (HH:mm) of an ISO timestamp in the centre's time zone. */
export function formatTime(iso: string, lang: Language): string {
  return new Date(iso).toLocaleTimeString(LOCALES[lang], {
    timeZone: centreTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * The service day (YYYY-MM-DD) of an instant in the centre's zone, as the server counts it.
 * Read from its own module, not the contract's index (see contract.ts).
 */
export { serviceDay as serviceDayOf } from '../../server/src/contract/service-day';

/** A duration as m:ss, or h:mm:ss from an hour on; negative durations count as zero. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Whole minutes from an ISO timestamp to `now` (never negative). */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));
}
