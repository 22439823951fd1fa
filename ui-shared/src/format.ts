import type { Language, Service } from '@luot/contract';

/** A service's name in the page language (falls back to Vietnamese when no English is set). */
export function serviceName(service: Service | undefined, lang: Language): string {
  if (!service) return '';
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

/** The service with an id, if the state knows it. */
export function findService(services: Service[], id: number): Service | undefined {
  return services.find((s) => s.id === id);
}
