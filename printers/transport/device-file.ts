import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PrinterError } from '../errors';
import { withTimeout, type Transport } from './transport';

/** A printer reached through a device file such as /dev/usb/lp0 (or any file, for tests). */
export interface DeviceFileOptions {
  path: string;
  /** Longest wait for the open and write of one job. */
  writeTimeoutMs?: number;
  /**
   * Refuse anything but a character device (a printer, a serial port): the path is opened
   * without creating or truncating it and checked on the open handle, so a regular file,
   * even one swapped in after the target was configured, is never written.
   */
  deviceOnly?: boolean;
}

/**
 * Writes each job to a device file, opened per job (a plain file ends up holding the last
 * job). No status: reading a USB printer class device can block forever.
 */
export class DeviceFileTransport implements Transport {
  readonly target: string;

  constructor(private readonly options: DeviceFileOptions) {
    this.target = `file:${options.path}`;
  }

  /** Opens the device, writes the job, closes it. */
  async write(data: Uint8Array): Promise<void> {
    const job = async (): Promise<void> => {
      const handle = await this.openForJob();
      try {
        await handle.write(data);
      } finally {
        await handle.close();
      }
    };
    try {
      await withTimeout(
        job(),
        this.options.writeTimeoutMs ?? 10_000,
        () => new PrinterError('write_timeout', `${this.target}: device did not take the job`),
      );
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      throw new PrinterError('io_error', `${this.target}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  private async openForJob(): Promise<FileHandle> {
    if (!this.options.deviceOnly) return open(this.options.path, 'w');
    // O_NOCTTY: a terminal device must never become the server's controlling terminal.
    const handle = await open(this.options.path, constants.O_WRONLY | constants.O_NOCTTY);
    try {
      if ((await handle.stat()).isCharacterDevice()) return handle;
    } catch (err) {
      await handle.close();
      throw err;
    }
    await handle.close();
    throw new PrinterError('invalid_target', `${this.target}: not a character device`);
  }

  /** Nothing stays open between jobs. */
  async close(): Promise<void> {}
}
