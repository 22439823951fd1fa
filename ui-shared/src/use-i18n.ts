import { useCallback, useSyncExternalStore } from 'react';
import type { ErrorCode, Language, MessageKey } from '@luot/contract';
import { ERROR_CODES, LANGUAGES, errorMessageKey, translate } from './contract';
import { ApiRequestError } from './api';

const STORAGE_KEY = 'luot.language';

/** Translates a key in the page's current language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

function readStored(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Language = readStored();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches every screen on the page to a language and remembers it on this device. */
export function setLanguage(lang: Language): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a locked-down kiosk profile: the choice lasts until reload.
  }
  listeners.forEach((listener) => listener());
}

/** The page language (Vietnamese unless switched), a bound `t`, and a toggle. */
export function useI18n() {
  const lang = useSyncExternalStore(
    subscribe,
    () => current,
    () => 'vi' as Language,
  );
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  const toggleLanguage = useCallback(() => setLanguage(lang === 'vi' ? 'en' : 'vi'), [lang]);
  return { lang, t, toggleLanguage };
}

/** A user-facing sentence for any failure, in the current language. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'network') return t('error.network');
    if ((ERROR_CODES as readonly string[]).includes(error.code)) {
      return t(errorMessageKey(error.code as ErrorCode));
    }
  }
  return t('error.internal_error');
}
