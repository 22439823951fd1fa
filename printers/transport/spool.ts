import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrinterError } from '../errors';
import type { JobInfo, Transport } from './transport';

/**
 * Drops each job as a `.bin` file into a folder, for a print agent, a test or a printer
 * that picks files up itself. Files appear whole: written under a temporary name first.
 */
export class SpoolTransport implements Transport {
  readonly target: string;

  constructor(private readonly folder: string) {
    this.target = `spool:${folder}`;
  }

  /** Writes `<folder>/<job name or a random id>.bin`. */
  async write(data: Uint8Array, job?: JobInfo): Promise<void> {
    const name = (job?.name ?? randomUUID()).replace(/[^A-Za-z0-9._-]/g, '_');
    const file = join(this.folder, `${name}.bin`);
    try {
      await mkdir(this.folder, { recursive: true });
      await writeFile(`${file}.part`, data);
      await rename(`${file}.part`, file);
    } catch (err) {
      throw new PrinterError('io_error', `${this.target}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
