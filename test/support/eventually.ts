/** How long `eventually` keeps asking, and how often. */
export interface EventuallyOptions {
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** Pause between two checks (default 20 ms). */
  intervalMs?: number;
  /** What is awaited, for the timeout's message. */
  what?: string;
  /** More for the timeout's message, read when it times out (the logs so far, say). */
  explain?: () => string;
}

/** What a check answers once it holds. */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Checks again and again until `check` answers a truthy value, and resolves with it: for
 * state the test cannot be told about (a print job's row, an agent's connection). A check
 * that throws (an `expect`, a request refused) counts as not yet; on timeout the last
 * answer or error is in the message. To show that something did NOT happen, do not wait
 * and look: make something that must come after it happen, wait for that, then look.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<Truthy<T>> {
  const { timeoutMs = 5000, intervalMs = 20, what = 'a condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Truthy<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      const more = options.explain ? `\n${options.explain()}` : '';
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${detail}${more}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
