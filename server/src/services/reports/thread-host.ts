import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/errors';
import { spawnThread } from '../../storage/spawn-thread';

interface Pending<Reply> {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
}

/** A reply the host matches to its request by `id`. */
export interface ThreadReply {
  id: number;
}

/**
 * One long-lived worker thread (the report thread, the export thread) answering one
 * message at a time. Started on first use. A thread that crashes, exits, runs out of
 * memory or outlives `timeoutMs` on a message is terminated, what it held is refused
 * with `reports_unavailable` (503), and the next message starts a new thread.
 */
export class ThreadHost<Request extends object, Reply extends ThreadReply> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending<Reply>>();
  private nextId = 1;

  constructor(
    /** The thread's script (`.ts` from the sources, `.js` once compiled). */
    private readonly entry: string,
    private readonly name: string,
  ) {}

  /**
   * Posts `request` (with its id), moving the buffers in `transfer` to the thread (they
   * are unusable here afterwards), and answers the thread's reply.
   */
  call(request: Request, timeoutMs: number | null, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      // No limit when none is given (an untyped caller's undefined included).
      const timer =
        timeoutMs === null || timeoutMs === undefined
          ? null
          : setTimeout(() => this.fail(worker, `${this.name} timed out`), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Terminates the thread; what it held is refused. A later call starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new DomainError('reports_unavailable', `${this.name} closed`));
    if (worker) await worker.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnThread(this.entry);
    // An idle thread never keeps the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const held = this.pending.get(reply.id);
      if (!held) return;
      this.pending.delete(reply.id);
      if (held.timer) clearTimeout(held.timer);
      held.resolve(reply);
    });
    worker.on('error', (error) => this.fail(worker, `${this.name} failed: ${error.message}`));
    worker.on('exit', (code) => this.fail(worker, `${this.name} exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    this.failAll(new DomainError('reports_unavailable', why));
  }

  private failAll(error: Error): void {
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const { reject, timer } of held) {
      if (timer) clearTimeout(timer);
      reject(error);
    }
  }
}

/** The path of a thread script of this folder, in this module's own extension (.ts or .js). */
export function threadEntry(name: string): string {
  return path.join(__dirname, `${name}${path.extname(__filename)}`);
}
