import { fillMessage, type Language, type MessageKey, type Messages } from './message-keys';
import { en } from './messages-en';
import { vi } from './messages-vi';

export {
  LANGUAGES,
  errorMessageKey,
  fillMessage,
  priorityLabel,
  statusMessageKey,
  type Language,
  type MessageKey,
  type Messages,
} from './message-keys';

/**
 * All strings, by language. Vietnamese text is NFC with full diacritics. A screen that
 * needs one language at a time takes the keys from message-keys.ts and the strings of
 * each language (messages-vi.ts, messages-en.ts) on their own.
 */
export const MESSAGES: Record<Language, Messages> = { vi, en };

/** Translates a key, filling `{name}` placeholders from params. */
export function translate(
  lang: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fillMessage(MESSAGES[lang][key], params);
}
