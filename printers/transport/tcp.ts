import { Socket } from 'node:net';
import { PrinterError } from '../errors';
import type { Transport } from './transport';

/** A network printer's address and patience. */
export interface TcpOptions {
  host: string;
  /** Raw printing port; 9100 on nearly every network thermal printer. */
  port?: number;
  connectTimeoutMs?: number;
  /** How long one job may take to be accepted; a printer out of paper stops reading. */
  writeTimeoutMs?: number;
}

/**
 * Raw TCP (port 9100) printing. The connection is opened on first use, kept between
 * jobs and reopened after any failure, so a printer that was switched off comes back.
 */
export class TcpTransport implements Transport {
  readonly target: string;
  private socket: Socket | null = null;
  private inbox = Buffer.alloc(0);
  private onChange: (() => void) | null = null;
  private lost: PrinterError | null = null;

  constructor(private readonly options: TcpOptions) {
    this.target = `tcp://${options.host}:${options.port ?? 9100}`;
  }

  /** Sends the bytes and waits until the kernel has taken them all. */
  async write(data: Uint8Array): Promise<void> {
    const socket = await this.connect();
    const ms = this.options.writeTimeoutMs ?? 10_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.drop(new PrinterError('write_timeout', `${this.target}: printer stopped reading`));
        reject(this.lost);
      }, ms);
      const done = (err?: Error | null): void => {
        clearTimeout(timer);
        this.onChange = null;
        if (err || this.lost) reject(this.lost ?? this.lostError(err));
        else resolve();
      };
      this.onChange = () => done(this.lost);
      socket.write(data, (err) => done(err));
    });
  }

  /** Sends a request (e.g. `DLE EOT n`) and waits for the reply bytes. */
  async query(
    request: Uint8Array,
    replyLength: number,
    timeoutMs: number,
  ): Promise<Uint8Array | null> {
    const socket = await this.connect();
    this.inbox = Buffer.alloc(0);
    socket.write(request);
    return new Promise<Uint8Array | null>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.onChange = null;
      };
      const timer = setTimeout(() => {
        finish();
        resolve(null);
      }, timeoutMs);
      this.onChange = () => {
        if (this.lost) {
          finish();
          reject(this.lost);
        } else if (this.inbox.length >= replyLength) {
          finish();
          const reply = this.inbox.subarray(0, replyLength);
          this.inbox = this.inbox.subarray(replyLength);
          resolve(reply);
        }
      };
    });
  }

  /** Closes the connection; the next job reconnects. */
  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  private async connect(): Promise<Socket> {
    if (this.socket && !this.socket.destroyed && !this.lost) return this.socket;
    const old = this.socket;
    this.socket = null;
    old?.destroy();
    this.lost = null;
    this.inbox = Buffer.alloc(0);
    const { host, port = 9100 } = this.options;
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('connect_timeout', `${this.target}: no answer to connect`));
      }, this.options.connectTimeoutMs ?? 3000);
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const refused = err.code === 'ECONNREFUSED';
        reject(
          new PrinterError(
            refused ? 'connect_refused' : 'io_error',
            `${this.target}: ${err.message}`,
            {
              cause: err,
            },
          ),
        );
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    socket.removeAllListeners('error');
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.inbox = Buffer.concat([this.inbox, chunk]);
      this.onChange?.();
    });
    socket.on('error', (err) => {
      if (this.socket === socket) this.drop(this.lostError(err));
    });
    socket.on('close', () => {
      if (this.socket === socket)
        this.drop(new PrinterError('connection_lost', `${this.target}: connection closed`));
    });
    this.socket = socket;
    return socket;
  }

  private drop(err: PrinterError): void {
    if (!this.lost) this.lost = err;
    this.socket?.destroy();
    this.onChange?.();
  }

  private lostError(err: Error | null | undefined): PrinterError {
    return new PrinterError(
      'connection_lost',
      `${this.target}: ${err?.message ?? 'connection lost'}`,
      {
        cause: err,
      },
    );
  }
}
