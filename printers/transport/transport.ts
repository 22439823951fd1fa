/** Per-job details a transport may use (the spool names its file after the job). */
export interface JobInfo {
  name?: string;
}

/**
 * A way to reach a printer. Transports move bytes only; what the bytes mean is the
 * encoders' business. A transport without `query` has no back channel (no status).
 */
export interface Transport {
  /** Where the bytes go, for logs and errors, e.g. "tcp://10.0.0.5:9100". */
  readonly target: string;
  /** Sends one job; resolves once the bytes are handed to the printer or the OS. */
  write(data: Uint8Array, job?: JobInfo): Promise<void>;
  /** Sends a request and waits for `replyLength` bytes; null when nothing came in time. */
  query?(request: Uint8Array, replyLength: number, timeoutMs: number): Promise<Uint8Array | null>;
  /** Releases the connection or file; the transport may be used again afterwards. */
  close(): Promise<void>;
}

/** Rejects with `onTimeout()` unless `promise` settles within `ms`. */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
