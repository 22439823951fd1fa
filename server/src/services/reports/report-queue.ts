import { DomainError } from '../../domain/errors';

interface Waiting {
  start(): void;
  drop(error: Error): void;
}

/**
 * Runs reports, exports and pack builds one at a time (a 4,400-row PDF takes seconds and
 * hundreds of MB: never two at once). At most `maxWaiting` wait behind the running one;
 * one more is refused with `report_busy` (429). A job whose `signal` aborts before its
 * turn (the client hung up) leaves the queue without running.
 */
export class ReportQueue {
  private running = false;
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(private readonly maxWaiting: number) {}

  /** How many jobs wait behind the running one. */
  get length(): number {
    return this.waiting.length;
  }

  run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new DomainError('reports_unavailable', 'closed'));
    if (signal?.aborted)
      return Promise.reject(new DomainError('reports_unavailable', 'The client hung up'));
    if (this.running && this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new DomainError('report_busy', 'Too many reports waiting'));
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        reject(new DomainError('reports_unavailable', 'The client hung up'));
      };
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.running = true;
          job()
            .then(resolve, reject)
            .finally(() => {
              this.running = false;
              this.next();
            });
        },
        drop: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
      this.next();
    });
  }

  /** Refuses every waiting job and any later one (the running one ends with its thread). */
  close(): void {
    this.closed = true;
    const dropped = this.waiting.splice(0);
    for (const entry of dropped) entry.drop(new DomainError('reports_unavailable', 'closed'));
  }

  private next(): void {
    if (this.running || this.closed) return;
    this.waiting.shift()?.start();
  }
}
