import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ErrorCode, Language, MessageKey, Messages } from '@luot/contract';
import {
  ERROR_CODES,
  LANGUAGES,
  VIETNAMESE_COMMON,
  errorMessageKey,
  fillMessage,
  loadEnglish,
} from './contract';
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

/**
 * The strings of each language loaded so far: English whole once asked for; Vietnamese
 * from the start, the shared strings here and each screen's own added by its entry
 * (`addVietnamese`), so that no screen's first load carries another screen's strings.
 */
const tables: { vi: Partial<Messages>; en?: Messages } = { vi: { ...VIETNAMESE_COMMON } };

/**
 * Adds a screen's own Vietnamese strings (`viKiosk`, …) before the page renders; called
 * once by each screen's main.tsx. `test/unit/ui-messages-per-screen.test.ts` checks that
 * every key a screen uses is in the shared strings or in the ones its entry adds.
 */
export function addVietnamese(messages: Partial<Messages>): void {
  Object.assign(tables.vi, messages);
}

/** A message, or its key when the page has not got it (a screen missing its strings). */
const lookUp = (messages: Partial<Messages>, key: MessageKey): string => messages[key] ?? key;
let english: Promise<void> | null = null;

/** Loads a language's strings once; a failed load (offline) is tried again next time. */
function loadTable(lang: Language): Promise<void> {
  if (tables[lang] || lang !== 'en') return Promise.resolve();
  english ??= loadEnglish().then(
    (messages) => {
      tables.en = messages;
      listeners.forEach((listener) => listener());
    },
    () => {
      // The page stays in the language it shows; the next switch asks again.
      english = null;
    },
  );
  return english;
}

let current: Language = 'vi';
/** The language last asked for: a slow load never overrides a later choice. */
let wanted: Language = 'vi';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Switches every screen on the page to a language and remembers it on this device. A
 * language not loaded yet (English, the first time) shows once its strings arrive.
 */
export function setLanguage(lang: Language): void {
  wanted = lang;
  if (tables[lang]) {
    show(lang);
    return;
  }
  void loadTable(lang).then(() => {
    if (wanted === lang && tables[lang]) show(lang);
  });
}

function show(lang: Language): void {
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

const stored = readStored();
if (stored !== current) setLanguage(stored);

/** The page language (Vietnamese unless switched), a bound `t`, and a toggle. */
export function useI18n() {
  const lang = useSyncExternalStore(
    subscribe,
    () => current,
    () => 'vi' as Language,
  );
  const t = useCallback<Translate>(
    (key, params) => fillMessage(lookUp(tables[lang] ?? tables.vi, key), params),
    [lang],
  );
  const toggleLanguage = useCallback(() => setLanguage(lang === 'vi' ? 'en' : 'vi'), [lang]);
  return { lang, t, toggleLanguage };
}

/** Starts loading a language's strings, so that a line shown in it appears without delay. */
export function preloadLanguage(lang: Language): void {
  void loadTable(lang);
}

/**
 * Translates into one given language whatever the page language, for a line shown in
 * both side by side; null until that language's strings are loaded, which it starts.
 */
export function useTranslateIn(lang: Language): Translate | null {
  const messages = useSyncExternalStore(
    subscribe,
    () => tables[lang],
    () => tables[lang],
  );
  useEffect(() => {
    if (!messages) void loadTable(lang);
  }, [lang, messages]);
  return useMemo(
    () => (messages ? (key, params) => fillMessage(lookUp(messages, key), params) : null),
    [messages],
  );
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
