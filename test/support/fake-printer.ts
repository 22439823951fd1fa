import { createServer, type Server, type Socket } from 'node:net';

/** How the fake printer behaves. */
export type FakePrinterMode =
  'ok' | 'paper-near-end' | 'paper-end' | 'cover-open' | 'silent' | 'drop' | 'stall';

/** `DLE EOT 1 / 2 / 4` replies per mode (bits as Epson documents them). */
const REPLIES: Record<
  Exclude<FakePrinterMode, 'silent' | 'drop' | 'stall'>,
  [number, number, number]
> = {
  ok: [0x12, 0x12, 0x12],
  'paper-near-end': [0x12, 0x12, 0x1e],
  'paper-end': [0x1a, 0x32, 0x72],
  'cover-open': [0x1a, 0x16, 0x12],
};

/** A network thermal printer on 127.0.0.1 for tests. */
export interface FakePrinter {
  port: number;
  /** Everything received, status requests removed. */
  received(): Buffer;
  connections(): number;
  setMode(mode: FakePrinterMode): void;
  close(): Promise<void>;
}

/**
 * Starts a fake ESC/POS printer on port 0. It answers `DLE EOT` per mode; `silent` never
 * answers; `stall` stops reading, like a jammed printer; `drop` answers status but resets the connection after `dropAfterBytes` of a job.
 */
export async function startFakePrinter(
  mode: FakePrinterMode,
  dropAfterBytes = 64,
): Promise<FakePrinter> {
  let current = mode;
  const data: Buffer[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let jobBytes = 0;
    if (current === 'stall') socket.pause();
    socket.on('data', (chunk: Buffer) => {
      let from = 0;
      const keep = (to: number): boolean => {
        let part = chunk.subarray(from, to);
        if (current === 'drop' && jobBytes + part.length >= dropAfterBytes) {
          part = part.subarray(0, dropAfterBytes - jobBytes);
          data.push(part);
          socket.resetAndDestroy();
          return false;
        }
        data.push(part);
        jobBytes += part.length;
        return true;
      };
      for (
        let i = chunk.indexOf(0x10);
        i >= 0 && i + 2 < chunk.length;
        i = chunk.indexOf(0x10, i + 1)
      ) {
        if (chunk[i + 1] !== 0x04) continue;
        if (!keep(i)) return;
        const n = chunk[i + 2] ?? 0;
        if (current !== 'silent' && current !== 'stall') {
          const replies = REPLIES[current === 'drop' ? 'ok' : current];
          socket.write(Buffer.of(replies[n === 1 ? 0 : n === 2 ? 1 : 2]));
        }
        from = i + 3;
        i += 2;
      }
      keep(chunk.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received: () => Buffer.concat(data),
    connections: () => connections,
    setMode: (m) => {
      current = m;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 127.0.0.1 port with nothing listening, for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
