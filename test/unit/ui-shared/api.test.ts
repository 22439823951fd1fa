import { API_TIMEOUT_MS, ApiRequestError, apiGet, apiPost } from '../../../ui-shared/src/api';

/** What the fake `fetch` saw of one call. */
interface Call {
  path: string;
  init: RequestInit;
}

const realFetch = globalThis.fetch;
let calls: Call[];

/** A `fetch` that never answers; it rejects only when its signal is aborted, as a browser's does. */
function fetchThatHangs(): typeof fetch {
  return ((path: string, init: RequestInit) => {
    calls.push({ path, init });
    return new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () =>
        reject(new DOMException('This operation was aborted', 'AbortError')),
      );
    });
  }) as unknown as typeof fetch;
}

/** A `fetch` that answers at once with `status` and `body`. */
function fetchAnswering(status: number, body: unknown): typeof fetch {
  return ((path: string, init: RequestInit) => {
    calls.push({ path, init });
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  }) as unknown as typeof fetch;
}

/** Where a promise stands, without waiting for it. */
function track<T>(promise: Promise<T>): { settled: () => boolean; error: () => unknown } {
  let settled = false;
  let error: unknown = undefined;
  promise.then(
    () => {
      settled = true;
    },
    (reason: unknown) => {
      settled = true;
      error = reason;
    },
  );
  return { settled: () => settled, error: () => error };
}

beforeEach(() => {
  calls = [];
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

describe('the shared API client', () => {
  test('gives up a POST the server never answers after 10 s, as a network failure', async () => {
    // Arrange
    globalThis.fetch = fetchThatHangs();

    // Act
    const sent = track(apiPost('/api/tickets/7/rating', { level: 4 }, 'key-1'));
    await jest.advanceTimersByTimeAsync(API_TIMEOUT_MS - 1);
    const beforeTheTimeout = sent.settled();
    await jest.advanceTimersByTimeAsync(1);

    // Assert
    expect(API_TIMEOUT_MS).toBe(10_000);
    expect(beforeTheTimeout).toBe(false);
    expect(sent.settled()).toBe(true);
    expect(sent.error()).toBeInstanceOf(ApiRequestError);
    expect(sent.error()).toMatchObject({ code: 'network', status: undefined });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  test('gives up a GET the same way', async () => {
    // Arrange
    globalThis.fetch = fetchThatHangs();

    // Act
    const got = track(apiGet('/api/state'));
    await jest.advanceTimersByTimeAsync(API_TIMEOUT_MS);

    // Assert
    expect(got.error()).toMatchObject({ code: 'network' });
  });

  test('still returns an answer, and leaves no timer behind', async () => {
    // Arrange
    globalThis.fetch = fetchAnswering(201, { rating: { id: 3 } });

    // Act
    const answer = await apiPost<{ rating: { id: number } }>('/api/tickets/7/rating', {
      level: 4,
    });

    // Assert
    expect(answer).toEqual({ rating: { id: 3 } });
    expect(jest.getTimerCount()).toBe(0);
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: '{"level":4}' });
    expect(calls[0]?.init.signal?.aborted).toBe(false);
  });

  test("still reports the server's error code and status", async () => {
    // Arrange
    globalThis.fetch = fetchAnswering(409, {
      error: { code: 'already_rated', message: 'Ticket A015 was already rated' },
    });

    // Act
    const sent = apiPost('/api/tickets/7/rating', { level: 4 });

    // Assert
    await expect(sent).rejects.toMatchObject({ code: 'already_rated', status: 409 });
    expect(jest.getTimerCount()).toBe(0);
  });
});
