/** Every error code the API and socket acks can answer with; stable, safe to match on. */
export const ERROR_CODES = [
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'invalid_body_encoding',
  'unsupported_encoding',
  'json_too_deep',
  'not_found',
  'service_not_found',
  'counter_not_found',
  'ticket_not_found',
  'printer_not_found',
  'invalid_printer_target',
  'no_printer',
  'print_job_not_found',
  'queue_empty',
  'no_current_ticket',
  'counter_busy',
  'invalid_transition',
  'recall_limit_reached',
  'counter_paused',
  'counter_closed',
  'service_closed',
  'centre_closed',
  'daily_cap_reached',
  'kiosk_not_paired',
  'account_locked',
  'password_change_required',
  'weak_password',
  'rate_limited',
  'idempotency_in_progress',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_your_counter',
  'counter_taken',
  'counter_not_staffed',
  'idempotency_mismatch',
  'username_taken',
  'last_admin',
  'already_rated',
  'rating_closed',
  'prefix_taken',
  'code_taken',
  'counter_number_taken',
  'service_group_not_found',
  'group_nesting',
  'invalid_image',
  'storage_unavailable',
  'backup_in_progress',
  'centre_not_empty',
  'time_zone_fixed',
  'import_failed',
  'unsupported_file',
  'print_failed',
  'report_busy',
  'reports_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response, and the `error` of a failed socket ack. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** The JSON body of any HTTP error. */
export interface ErrorBody {
  error: ApiError;
}
