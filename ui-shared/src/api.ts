import { IDEMPOTENCY_HEADER, type ErrorBody, type ErrorCode } from '@luot/contract';
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

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

async function request<T>(method: string, path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err));
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiRequestError('internal_error', `Not JSON (${response.status})`, response.status);
    }
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiRequestError(body.error.code, body.error.message, response.status);
    }
    throw new ApiRequestError('internal_error', `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

/** `GET` a same-origin JSON resource. */
export function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path, { headers: { Accept: 'application/json' } });
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
