import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { ErrorCode } from '../contract/errors';
import { errorMessageKey, translate, type Language } from '../contract/i18n';
import { DomainError } from '../domain/errors';

/** The HTTP status of each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  validation_failed: 400,
  payload_too_large: 413,
  invalid_body_encoding: 400,
  unsupported_encoding: 415,
  json_too_deep: 400,
  not_found: 404,
  service_not_found: 404,
  counter_not_found: 404,
  ticket_not_found: 404,
  printer_not_found: 404,
  invalid_printer_target: 422,
  no_printer: 409,
  print_job_not_found: 404,
  queue_empty: 404,
  no_current_ticket: 409,
  counter_busy: 409,
  invalid_transition: 409,
  recall_limit_reached: 409,
  counter_paused: 409,
  counter_closed: 409,
  service_closed: 422,
  centre_closed: 422,
  daily_cap_reached: 422,
  kiosk_not_paired: 403,
  account_locked: 423,
  password_change_required: 403,
  weak_password: 422,
  rate_limited: 429,
  idempotency_in_progress: 409,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_your_counter: 403,
  counter_taken: 409,
  counter_not_staffed: 409,
  idempotency_mismatch: 422,
  username_taken: 409,
  last_admin: 409,
  already_rated: 409,
  rating_closed: 409,
  prefix_taken: 409,
  code_taken: 409,
  counter_number_taken: 409,
  service_group_not_found: 404,
  group_nesting: 409,
  invalid_image: 422,
  storage_unavailable: 503,
  backup_in_progress: 409,
  centre_not_empty: 409,
  time_zone_fixed: 409,
  print_failed: 503,
  report_busy: 429,
  reports_unavailable: 503,
  import_failed: 422,
  unsupported_file: 415,
  internal_error: 500,
};

/** The language a response should use: English when the client prefers it, else Vietnamese. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** Writes `{ error: { code, message, ...details } }` with the code's status. */
export function sendError(
  res: Response,
  code: ErrorCode,
  lang: Language,
  details?: Readonly<Record<string, unknown>>,
): void {
  res
    .status(ERROR_STATUS[code])
    .json({ error: { ...details, code, message: translate(lang, errorMessageKey(code)) } });
}

/** Body-parser failures carry a `type`; map the ones clients can cause. */
function codeOfParserError(error: unknown): ErrorCode | null {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return 'invalid_json';
  if (type === 'entity.too.large') return 'payload_too_large';
  if (type === 'encoding.unsupported') return 'unsupported_encoding';
  if (
    typeof type === 'string' &&
    /^charset\.unsupported$|^request\.(aborted|size\.invalid)$/.test(type)
  ) {
    return 'validation_failed';
  }
  // The router could not percent-decode a path parameter (`/api/tickets/%E0%A4`).
  if (error instanceof URIError) return 'validation_failed';
  return null;
}

/** The one error handler: domain errors → their status, everything else → 500 without details. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const lang = languageOf(req.get('accept-language'));
    if (error instanceof DomainError) {
      // The disk is full, read-only or failing: the client learns only that; operators need why.
      if (error.code === 'storage_unavailable') {
        logger.error(
          { err: error, method: req.method, url: req.originalUrl },
          'storage unavailable',
        );
      }
      return sendError(res, error.code, lang, error.details);
    }
    const parserCode = codeOfParserError(error);
    if (parserCode) return sendError(res, parserCode, lang);
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    sendError(res, 'internal_error', lang);
  };
}
