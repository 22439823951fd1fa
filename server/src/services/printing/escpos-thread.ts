import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EscPosOptions, TicketLayout } from '../../../../printers';
import {
  messageToError,
  renderRequest,
  type EncodeReply,
  type EncodeRequest,
  type RenderKind,
} from './escpos-thread-protocol';

/** How the thread is run; tests shrink the numbers and point `entry` elsewhere. */
export interface EscPosThreadOptions {
  /** Longest wait for one layout before the thread counts as stuck (default 10 s). */
  timeoutMs?: number;
  /** Thread failures after which encoding stays on the main thread for good (default 3). */
  maxFailures?: number;
  /** The thread's script (default: escpos-thread-entry next to this file, .ts or .js). */
  entry?: string;
  /** Told when encoding falls back to the main thread (default: a process warning). */
  onFallback?: (reason: string) => void;
}

interface Pending {
  request: EncodeRequest;
  timer: NodeJS.Timeout;
  resolve(bytes: Uint8Array): void;
  reject(error: unknown): void;
}

/**
 * Encodes ticket layouts to ESC/POS in one long-lived worker thread, so drawing a raster
 * ticket (about 9 ms) never holds up HTTP requests and sockets on the main thread; the
 * browser's PNG and PDF of a ticket are drawn there too (`render`). The
 * thread starts on first use and registers the fonts once. When it cannot start, crashes
 * or stops answering, the layouts it held are encoded on the main thread and the next one
 * starts a new thread; after `maxFailures` failures, or when the thread cannot load the
 * fonts, encoding stays on the main thread. Encoding errors reject as they would inline
 * (a `PrinterError` stays one). `close()` terminates the thread.
 */
export class EscPosThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failures = 0;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxFailures: number;
  private readonly onFallback: (reason: string) => void;

  constructor(private readonly options: EscPosThreadOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxFailures = options.maxFailures ?? 3;
    this.onFallback =
      options.onFallback ?? ((reason) => process.emitWarning(reason, 'LuotPrintWarning'));
  }

  /** The complete ESC/POS job for a layout, encoded in the thread when there is one. */
  encode(layout: TicketLayout, options: Partial<EscPosOptions>): Promise<Uint8Array> {
    return this.render('escpos', layout, options);
  }

  /**
   * A layout as ESC/POS, PNG or PDF, drawn in the thread when there is one (else here,
   * the same bytes). Errors reject as they would inline.
   */
  render(
    kind: RenderKind,
    layout: TicketLayout,
    options: Partial<EscPosOptions> = {},
  ): Promise<Uint8Array> {
    const worker = this.thread();
    const request: EncodeRequest = { id: this.nextId++, kind, layout, options };
    if (!worker) return Promise.resolve().then(() => renderRequest(request));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(worker, `no answer within ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      timer.unref();
      this.pending.set(request.id, { request, timer, resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Whether a thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Terminates the thread; anything still waiting, and later calls, encode inline. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.encodeHeldInline();
    if (worker) await worker.terminate();
  }

  private thread(): Worker | null {
    if (this.worker) return this.worker;
    if (this.closed || this.failures >= this.maxFailures) return null;
    let worker: Worker;
    try {
      worker = spawn(this.options.entry);
    } catch (error) {
      this.failures++;
      this.onFallback(`ESC/POS thread did not start (${String(error)}): encoding inline`);
      return null;
    }
    worker.unref();
    worker.on('message', (reply: EncodeReply) => this.receive(worker, reply));
    worker.on('error', (error) => this.fail(worker, error.message));
    worker.on('exit', (code) => this.fail(worker, `exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private receive(worker: Worker, reply: EncodeReply): void {
    if (reply.kind === 'broken') {
      this.failures = this.maxFailures;
      this.fail(worker, reply.error.message);
      return;
    }
    const held = this.pending.get(reply.id);
    if (!held) return;
    this.pending.delete(reply.id);
    clearTimeout(held.timer);
    if (reply.kind === 'encoded') held.resolve(reply.bytes);
    else held.reject(messageToError(reply.error));
  }

  /** The thread failed: it is dropped, and what it held is encoded here. */
  private fail(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failures++;
    void worker.terminate();
    this.onFallback(`ESC/POS thread failed (${reason}): encoding inline`);
    this.encodeHeldInline();
  }

  private encodeHeldInline(): void {
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const { request, timer, resolve, reject } of held) {
      clearTimeout(timer);
      Promise.resolve()
        .then(() => renderRequest(request))
        .then(resolve, reject);
    }
  }
}

/**
 * Starts the thread. From compiled JavaScript the entry is a plain script; from the
 * TypeScript sources (tsx, Jest) the thread registers tsx first so it can load them too.
 */
function spawn(entry?: string): Worker {
  const file = entry ?? path.join(__dirname, `escpos-thread-entry${path.extname(__filename)}`);
  if (!file.endsWith('.ts')) return new Worker(file);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});
require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, execArgv: [] });
}
