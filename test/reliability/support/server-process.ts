import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildReply, ChildRequest, ChildStats, ServerChildOptions } from './child-protocol';

/** The admin password every reliability child starts with. */
export const CHILD_ADMIN_PASSWORD = 'reliability-admin-password';

/** A server child as the test holds it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** From spawn to the URL printed (listening), in ms. */
  startMs: number;
  /** The moment it was spawned (performance.now()). */
  spawnedAt: number;
  /** Sets a manual clock. */
  setClock(at: number): Promise<void>;
  /** Memory after GC and live handles (needs `exposeGc`). */
  stats(): Promise<ChildStats>;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolved once gone. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Every child still running is killed when the test process ends, whatever happened. */
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Kills every server child this process started and has not seen exit (for afterAll). */
export async function killAllServerChildren(): Promise<void> {
  await Promise.all([...live].map((child) => gone(child, 'SIGKILL')));
}

function gone(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Starts server-child.ts under tsx (measured faster to start than the compiled build
 * once tsx's cache is warm, and never stale; see docs/operations.md) and resolves once it
 * listens.
 */
export function startServerProcess(
  options: Omit<ServerChildOptions, 'adminPassword' | 'seatClerks'> & {
    seatClerks?: boolean;
    exposeGc?: boolean;
  },
): Promise<ServerProcess> {
  const { exposeGc = false, seatClerks = true, ...rest } = options;
  const childOptions: ServerChildOptions = {
    ...rest,
    seatClerks,
    adminPassword: CHILD_ADMIN_PASSWORD,
  };
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(exposeGc ? ['--expose-gc'] : []),
      '--import',
      'tsx',
      path.join(__dirname, 'server-child.ts'),
      JSON.stringify(childOptions),
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  let nextId = 1;
  const waiting = new Map<number, (reply: ChildReply) => void>();
  child.on('message', (reply: ChildReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ask = (
    request: { type: 'set-clock'; at: number } | { type: 'stats' },
  ): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(
        () => reject(new Error(`child did not answer ${request.type}`)),
        10_000,
      );
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      child.send({ ...request, id } as ChildRequest);
    });

  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server child did not start within 20 s: ${err}`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve({
        child,
        url: out.slice(0, newline),
        startMs: performance.now() - spawnedAt,
        spawnedAt,
        setClock: async (at) => {
          await ask({ type: 'set-clock', at });
        },
        stats: async () => {
          const reply = await ask({ type: 'stats' });
          if (reply.stats === undefined) throw new Error('no stats in the reply');
          return reply.stats;
        },
        kill: () => gone(child, 'SIGKILL'),
        stop: () => {
          const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
          return gone(child, 'SIGTERM').finally(() => clearTimeout(hard));
        },
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`server child exited (${code ?? signal}): ${err}`));
    });
  });
}
