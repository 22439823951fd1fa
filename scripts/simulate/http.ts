import { performance } from 'node:perf_hooks';

/** One answer: status, parsed JSON body (or text), and the error code of a refusal. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** `error.code` of a 4xx/5xx body. */
  code: string | null;
}

/** Every request's wall-clock latency and outcome, by the route it went to. */
export class RequestLog {
  /** Milliseconds, by route label (e.g. `POST /api/counters/:id/call-next`). */
  readonly latencies = new Map<string, number[]>();
  /** `status code` counts by route label, for answers other than 2xx. */
  readonly refusals = new Map<string, Map<string, number>>();
  /** Requests sent so far (answered or not). */
  sent = 0;
  serverErrors = 0;
  networkErrors = 0;
  /** The first few 5xx and network failures, for the report. */
  readonly failures: string[] = [];

  record(route: string, ms: number, status: number, code: string | null): void {
    let list = this.latencies.get(route);
    if (!list) this.latencies.set(route, (list = []));
    list.push(ms);
    if (status >= 200 && status < 300) return;
    let counts = this.refusals.get(route);
    if (!counts) this.refusals.set(route, (counts = new Map()));
    const key = `${status} ${code ?? '-'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (status >= 500) {
      this.serverErrors += 1;
      this.note(`${route}: ${status} ${code ?? ''}`);
    }
  }

  note(failure: string): void {
    if (this.failures.length < 20) this.failures.push(failure);
  }
}

/**
 * A client of the real server over HTTP (Node's fetch, kept-alive connections), keeping a
 * staff session's cookie or sending a device token, and timing every request into a
 * RequestLog. Never throws for an HTTP status; a network failure or a timeout is logged
 * and answered as status 0.
 */
export class SimClient {
  private cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly log: RequestLog,
    private readonly deviceToken: string | null = null,
  ) {}

  /** The session cookie (`luot_session=…`), for the staff socket's handshake. */
  get sessionCookie(): string | null {
    return this.cookie;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    route: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.deviceToken) headers.authorization = `Device ${this.deviceToken}`;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const started = performance.now();
    this.log.sent += 1;
    try {
      const response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
      const text = await response.text();
      const ms = performance.now() - started;
      const parsed: unknown =
        text.length > 0 && response.headers.get('content-type')?.includes('json')
          ? JSON.parse(text)
          : text;
      const code =
        response.status >= 400
          ? ((parsed as { error?: { code?: string } } | null)?.error?.code ?? null)
          : null;
      this.log.record(route, ms, response.status, code);
      return { status: response.status, body: parsed as T, code };
    } catch (error) {
      this.log.networkErrors += 1;
      this.log.note(`${route}: ${String(error)}`);
      return { status: 0, body: undefined as T, code: 'network' };
    }
  }

  post<T = unknown>(path: string, route: string, body?: unknown, key?: string) {
    return this.request<T>('POST', path, route, body, key);
  }

  get<T = unknown>(path: string, route: string) {
    return this.request<T>('GET', path, route);
  }
}
