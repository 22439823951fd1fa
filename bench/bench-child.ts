import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/src/node-flags';
import { performance } from 'node:perf_hooks';

/** What a bench child answers over IPC: each reply names the request type it answers. */
export interface ChildMessage {
  type: string;
  [field: string]: unknown;
}

/**
 * A bench script in a process of its own (under tsx, with `--expose-gc`), spoken to over
 * IPC: `request` sends a message and resolves with the next reply of the same `type` (or
 * rejects on an `{ type: 'error' }` reply or when the child exits). Used for the servers
 * the queue bench measures, so the client's work never counts as the server's.
 */
export class BenchChild {
  readonly spawnedAt = performance.now();
  private readonly child: ChildProcess;
  private readonly replies: Array<ChildMessage> = [];
  private waiters: Array<() => void> = [];

  constructor(script: string, args: string[]) {
    this.child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...SERVER_NODE_FLAGS,
        '--import',
        'tsx',
        path.join(__dirname, script),
        ...args,
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    this.child.on('message', (reply: ChildMessage) => {
      this.replies.push(reply);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.child.on('exit', () => this.waiters.splice(0).forEach((wake) => wake()));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The next reply of `type` (a `ready` is sent unasked). */
  async next<T>(type: string): Promise<T> {
    for (;;) {
      const index = this.replies.findIndex((r) => r.type === type || r.type === 'error');
      if (index >= 0) {
        const [reply] = this.replies.splice(index, 1);
        if (reply!.type === 'error') throw new Error(`${type}: ${String(reply!.message)}`);
        return reply as T;
      }
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`child exited (${this.child.exitCode ?? this.child.signalCode})`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  request<T>(message: ChildMessage): Promise<T> {
    this.child.send(message);
    return this.next<T>(message.type);
  }

  /** Asks the child to stop; kills it if it has not exited within 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A child's own memory after two full collections (`--expose-gc`), bytes. */
export interface MemoryReply extends ChildMessage {
  type: 'memory';
  rss: number;
  heapUsed: number;
}

/** A child's CPU time since its last `cpu` request, ms. */
export interface CpuReply extends ChildMessage {
  type: 'cpu';
  cpuMs: number;
}

let lastCpu = process.cpuUsage();

/** Answers the `memory` and `cpu` requests inside a child; true when it handled one. */
export function answerProbe(message: ChildMessage, send: (reply: ChildMessage) => void): boolean {
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const memory = process.memoryUsage();
    send({ type: 'memory', rss: memory.rss, heapUsed: memory.heapUsed } satisfies MemoryReply);
    return true;
  }
  if (message.type === 'cpu') {
    const used = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    send({ type: 'cpu', cpuMs: (used.user + used.system) / 1000 } satisfies CpuReply);
    return true;
  }
  return false;
}
