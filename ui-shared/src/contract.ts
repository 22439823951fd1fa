/**
 * The runtime half of the wire contract that the screens use: event names, header names,
 * error codes and messages. It reads the contract module by module, never through its
 * index, so the server's zod schemas stay out of the screens' bundles; types still come
 * from `@luot/contract` with `import type`.
 */
import type { Messages } from '../../server/src/contract/message-keys';

export { DEVICE_AUTH_SCHEME } from '../../server/src/contract/admin';
export { ERROR_CODES } from '../../server/src/contract/errors';
export {
  CLIENT_EVENTS,
  FEED_EVENT_NAMES,
  SERVER_EVENTS,
  recentCallOf,
} from '../../server/src/contract/events';
export { IDEMPOTENCY_HEADER } from '../../server/src/contract/http';
export {
  LANGUAGES,
  errorMessageKey,
  fillMessage,
  priorityLabel,
  statusMessageKey,
} from '../../server/src/contract/message-keys';
export { viCommon as VIETNAMESE_COMMON } from '../../server/src/contract/messages-vi/common';
export { waitText } from '../../server/src/contract/wait-range';

/** The English strings, loaded the first time a screen switches to English. */
export async function loadEnglish(): Promise<Messages> {
  return (await import('../../server/src/contract/messages-en.js')).en;
}
