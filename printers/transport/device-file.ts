import { constants } from 'node:fs';
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { PrinterError } from '../errors';
import { ALLOWED_DEVICES, isAllowedDevice } from './target-rules';
import { withTimeout, type Transport } from './transport';

/** A printer reached through a device file such as /dev/usb/lp0 (or any file, for tests). */
export interface DeviceFileOptions {
  path: string;
  /** Longest wait for the open and write of one job. */
  writeTimeoutMs?: number;
  /**
   * Refuse anything but a printer or serial device (`isAllowedDevice`): the path's real
   * path is checked, opened without creating or truncating it, and checked again on the
   * open handle (a character device, at an allowed path), so a regular file or another
   * device, even one swapped in after the target was configured, is never written.
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
    const real = await realpath(this.options.path);
    if (!isAllowedDevice(real, 'file')) throw this.refused();
    // O_NOCTTY: a terminal device must never become the server's controlling terminal.
    const handle = await open(real, constants.O_WRONLY | constants.O_NOCTTY);
    try {
      const device = (await handle.stat()).isCharacterDevice();
      if (device && isAllowedDevice(await openedPath(handle, real), 'file')) return handle;
    } catch (err) {
      await handle.close();
      throw err;
    }
    await handle.close();
    throw this.refused();
  }

  private refused(): PrinterError {
    return new PrinterError('invalid_target', `${this.target}: not ${ALLOWED_DEVICES.file}`);
  }

  /** Nothing stays open between jobs. */
  async close(): Promise<void> {}
}

/**
 * What an open handle really is (Linux names it in /proc), so a device swapped between the
 * check and the open is still caught; elsewhere the real path checked just before opening.
 */
async function openedPath(handle: FileHandle, checked: string): Promise<string> {
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`);
  } catch {
    return checked;
  }
}
