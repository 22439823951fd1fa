import { realpath } from 'node:fs/promises';
import { PrinterError } from '../errors';
import { ALLOWED_DEVICES, isAllowedDevice } from './target-rules';
import { withTimeout, type Transport } from './transport';

/** The part of serialport's `SerialPort` this transport uses (its mock has it too). */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  write(data: Buffer, callback: (err: Error | null | undefined) => void): boolean;
  drain(callback: (err: Error | null) => void): void;
  close(callback: (err: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** A serial printer; `createPort` exists so tests can pass serialport's mock. */
export interface SerialOptions {
  path: string;
  /** 9600 on most thermal printers; 19200 / 38400 / 115200 on others. */
  baudRate?: number;
  writeTimeoutMs?: number;
  /**
   * Open only a serial port (`isAllowedDevice`), checked on the real path before each
   * open; the port is opened by that real path, so a link swapped afterwards is not followed.
   */
  deviceOnly?: boolean;
  createPort?: (path: string, baudRate: number) => SerialPortLike | Promise<SerialPortLike>;
}

/** Loads serialport only when a serial printer is used, so other machines never need it. */
async function realPort(path: string, baudRate: number): Promise<SerialPortLike> {
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path, baudRate, autoOpen: false });
}

/** Serial (RS-232 or USB-serial) printing with `DLE EOT` status over the same line. */
export class SerialTransport implements Transport {
  readonly target: string;
  private port: SerialPortLike | null = null;
  private inbox = Buffer.alloc(0);
  private onData: (() => void) | null = null;

  constructor(private readonly options: SerialOptions) {
    this.target = `serial:${options.path}?baud=${options.baudRate ?? 9600}`;
  }

  /** Writes the job and waits until it has left the serial buffer. */
  async write(data: Uint8Array): Promise<void> {
    const port = await this.openPort();
    const send = new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (err) => (err ? reject(this.ioError(err)) : undefined));
      port.drain((err) => (err ? reject(this.ioError(err)) : resolve()));
    });
    await withTimeout(
      send,
      this.options.writeTimeoutMs ?? 30_000,
      () => new PrinterError('write_timeout', `${this.target}: printer stopped reading`),
    );
  }

  /** Sends a request and waits for the reply bytes, or null after `timeoutMs`. */
  async query(
    request: Uint8Array,
    replyLength: number,
    timeoutMs: number,
  ): Promise<Uint8Array | null> {
    const port = await this.openPort();
    this.inbox = Buffer.alloc(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onData = null;
        resolve(null);
      }, timeoutMs);
      this.onData = () => {
        if (this.inbox.length < replyLength) return;
        clearTimeout(timer);
        this.onData = null;
        resolve(this.inbox.subarray(0, replyLength));
      };
      port.write(Buffer.from(request), () => undefined);
    });
  }

  /** Closes the port; the next job opens it again. */
  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private async openPort(): Promise<SerialPortLike> {
    if (this.port?.isOpen) return this.port;
    const create = this.options.createPort ?? realPort;
    const port = await create(await this.checkedPath(), this.options.baudRate ?? 9600);
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(this.ioError(err)) : resolve())),
    );
    port.on('data', (chunk) => {
      this.inbox = Buffer.concat([this.inbox, chunk]);
      this.onData?.();
    });
    port.on('error', () => {
      this.port = null;
    });
    this.port = port;
    return port;
  }

  private async checkedPath(): Promise<string> {
    if (!this.options.deviceOnly) return this.options.path;
    let real: string;
    try {
      real = await realpath(this.options.path);
    } catch (err) {
      throw this.ioError(err as Error);
    }
    if (isAllowedDevice(real, 'serial')) return real;
    throw new PrinterError('invalid_target', `${this.target}: not ${ALLOWED_DEVICES.serial}`);
  }

  private ioError(err: Error): PrinterError {
    return new PrinterError('io_error', `${this.target}: ${err.message}`, { cause: err });
  }
}
