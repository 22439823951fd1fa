import type { IssueTicketResponse } from '../../server/src/contract/http';
import { randomUUID } from 'node:crypto';

/** A JSON response as the tests look at it. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Real HTTP to a test server, keeping the session cookie like a browser. */
export class ApiClient {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      timeoutMs?: number;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.rawBody !== undefined)
      headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body:
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      // A server that never answers fails the test instead of hanging it.
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const text = await response.text();
    const body = (
      text.length > 0 && response.headers.get('content-type')?.includes('json')
        ? JSON.parse(text)
        : text
    ) as T;
    return { status: response.status, body, headers: response.headers };
  }

  /**
   * GETs `path` and reads the body as bytes, never decoded nor parsed (a benchmark's
   * client must not spend the CPU the server is measured on parsing a decade by day).
   */
  async fetchBytes(path: string): Promise<{ status: number; bytes: number }> {
    const response = await fetch(this.baseUrl + path, {
      headers: this.cookie ? { cookie: this.cookie } : {},
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(
    path: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { body, headers });
  }

  /** Signs in; throws unless the server accepted. */
  async login(username: string, password: string): Promise<void> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200)
      throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** Issues a ticket for a service code and returns the response body. */
  async issue(serviceId: number, priorityClass?: string): Promise<IssueTicketResponse> {
    const response = await this.post<IssueTicketResponse>(
      '/api/tickets',
      priorityClass ? { serviceId, priorityClass } : { serviceId },
      { 'Idempotency-Key': randomUUID() },
    );
    if (response.status !== 201)
      throw new Error(`issue failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
}
