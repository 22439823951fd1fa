import type { ErrorCode } from './errors';
import type { TicketStatus } from './entities';
import type { vi } from './messages-vi';
import type { PriorityClassOption } from './settings';

/** Languages every user-facing string exists in; Vietnamese is the default. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every key a UI or the server may translate. */
export type MessageKey = keyof typeof vi;

/** One language's strings, every key. */
export type Messages = Record<MessageKey, string>;

/** Fills a message's `{name}` placeholders from params; unknown names stay as written. */
export function fillMessage(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message key for an error code. */
export function errorMessageKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

/** The label of a priority class as the centre configured it, or its code when unknown. */
export function priorityLabel(
  classes: readonly PriorityClassOption[],
  code: string,
  lang: Language,
): string {
  const option = classes.find((c) => c.code === code);
  if (!option) return code;
  return lang === 'en' ? option.nameEn : option.name;
}

/** The message key for a ticket status label. */
export function statusMessageKey(status: TicketStatus): MessageKey {
  return `status.${status}`;
}
