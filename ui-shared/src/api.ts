import type { ErrorBody, ErrorCode } from '@luot/contract';
import { DEVICE_AUTH_SCHEME, IDEMPOTENCY_HEADER } from './contract';
import { pageDeviceToken, reportDeviceRefused } from './device';
import { newRequestId } from './request-id';

/** Codes an API call can fail with: the server's, or `network` when it was never reached. */
export type ApiFailureCode = ErrorCode | 'network';

/** A failed API call, carrying the server's `{ error: { code, message } }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ApiFailureCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * How long one request may take, answer and body together, before it is given up as
 * `network`: a screen waiting on a server that never answers (a half-open connection, a
 * stalled proxy) must come back to its own error view rather than wait for good.
 */
export const API_TIMEOUT_MS = 10_000;

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

/**
 * One same-origin request, given up as `network` after `timeoutMs` (`API_TIMEOUT_MS` unless
 * the caller knows its answer can take longer, such as a report). A page acting as a paired
 * device (`actAsDevice`) sends its token; a 401 to it reports the token refused, so the page
 * can forget it.
 */
async function request<T>(
  method: string,
  path: string,
  init: RequestInit & { headers: Record<string, string> },
  timeoutMs = API_TIMEOUT_MS,
): Promise<T> {
  const token = pageDeviceToken();
  const headers = token
    ? { ...init.headers, Authorization: `${DEVICE_AUTH_SCHEME} ${token}` }
    : init.headers;
  // A timer of our own rather than AbortSignal.timeout: it also bounds reading the body,
  // and tests drive it with fake timers.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      ...init,
      headers,
      method,
      credentials: 'same-origin',
      signal: controller.signal,
    });
    text = await response.text();
  } catch (err) {
    const message = controller.signal.aborted
      ? `No answer within ${timeoutMs / 1000} s`
      : err instanceof Error
        ? err.message
        : String(err);
    throw new ApiRequestError('network', message);
  } finally {
    clearTimeout(timer);
  }
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiRequestError('internal_error', `Not JSON (${response.status})`, response.status);
    }
  }
  if (!response.ok) {
    if (
      token &&
      response.status === 401 &&
      isErrorBody(body) &&
      body.error.code === 'unauthenticated'
    ) {
      reportDeviceRefused(token);
    }
    if (isErrorBody(body)) {
      throw new ApiRequestError(body.error.code, body.error.message, response.status);
    }
    throw new ApiRequestError('internal_error', `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

/** `GET` a same-origin JSON resource; `timeoutMs` for one whose answer may take longer. */
export function apiGet<T>(path: string, options: { timeoutMs?: number } = {}): Promise<T> {
  return request<T>('GET', path, { headers: { Accept: 'application/json' } }, options.timeoutMs);
}

/**
 * `POST` JSON to the same origin. Every POST carries an idempotency key: pass the
 * same key to retry one attempt safely, or let a fresh one be made.
 */
export function apiPost<T>(
  path: string,
  body?: unknown,
  idempotencyKey = newRequestId(),
): Promise<T> {
  return request<T>('POST', path, {
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [IDEMPOTENCY_HEADER]: idempotencyKey,
    },
    body: JSON.stringify(body ?? {}),
  });
}

/**
 * `PATCH`, `PUT` or `DELETE` on the same origin (the admin app's edits), with an
 * idempotency key like `apiPost`. A `Blob` body (a logo) is sent as its own bytes and
 * type; anything else as JSON; no body, nothing.
 */
export function apiSend<T>(
  method: 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  idempotencyKey = newRequestId(),
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    [IDEMPOTENCY_HEADER]: idempotencyKey,
  };
  if (body instanceof Blob) {
    headers['Content-Type'] = body.type;
    return request<T>(method, path, { headers, body });
  }
  if (body === undefined) return request<T>(method, path, { headers });
  headers['Content-Type'] = 'application/json';
  return request<T>(method, path, { headers, body: JSON.stringify(body) });
}
