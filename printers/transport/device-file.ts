import { open } from 'node:fs/promises';
import { PrinterError } from '../errors';
import { withTimeout, type Transport } from './transport';

/** A printer reached through a device file such as /dev/usb/lp0 (or any file, for tests). */
export interface DeviceFileOptions {
  path: string;
  /** Longest wait for the open and write of one job. */
  writeTimeoutMs?: number;
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
      const handle = await open(this.options.path, 'w');
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

  /** Nothing stays open between jobs. */
  async close(): Promise<void> {}
}
