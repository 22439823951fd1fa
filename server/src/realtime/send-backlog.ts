import type { Socket } from 'socket.io';

/** What engine.io queues per packet (its `packetCreate` and `flush` events carry these). */
interface EnginePacket {
  data?: unknown;
}

/** The part of a WebSocket transport that knows what is still waiting to be written. */
interface BufferingTransport {
  socket?: { bufferedAmount?: unknown; terminate?: () => void };
}

function packetBytes(packet: EnginePacket): number {
  const { data } = packet;
  if (typeof data === 'string') return Buffer.byteLength(data) + 1;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength + 1;
  return 1;
}

/**
 * Tracks the bytes emitted to one socket that have not left the process: those still in
 * engine.io's write buffer (a polling client that stopped polling, a transport still busy)
 * plus those the WebSocket has not handed to the kernel (a peer that stopped reading).
 * Past `limit` the connection is dropped at once, so one stalled or hostile screen cannot
 * hold the server's memory: a real screen reconnects and syncs.
 */
export class SendBacklog {
  /** Bytes in engine.io's write buffer, counted as packets enter and leave it. */
  private queued = 0;

  constructor(
    private readonly socket: Pick<Socket, 'conn'>,
    private readonly limit: number,
    private readonly onOverflow: (unsentBytes: number) => void,
  ) {
    const conn = socket.conn;
    conn.on('packetCreate', (packet: EnginePacket) => {
      this.queued += packetBytes(packet);
      const unsent = this.unsentBytes();
      if (unsent > this.limit) this.drop(unsent);
    });
    conn.on('flush', () => {
      this.queued = 0;
    });
  }

  /** Bytes emitted to the socket and not yet written to the network. */
  unsentBytes(): number {
    const buffered = (this.socket.conn.transport as unknown as BufferingTransport).socket
      ?.bufferedAmount;
    return this.queued + (typeof buffered === 'number' ? buffered : 0);
  }

  /** Calls back once everything emitted so far has left engine.io's write buffer. */
  whenFlushed(callback: () => void): void {
    if (this.queued === 0) callback();
    else this.socket.conn.once('drain', callback);
  }

  private drop(unsent: number): void {
    const conn = this.socket.conn;
    if (conn.readyState === 'closed') return;
    this.onOverflow(unsent);
    // A graceful close would wait for the buffer to drain, which a stalled peer never does.
    const ws = (conn.transport as unknown as BufferingTransport).socket;
    conn.close(true);
    ws?.terminate?.();
  }
}
