import { randomUUID } from 'node:crypto';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrinterError } from '../errors';
import { isInsideFolder } from './target-rules';
import type { JobInfo, Transport } from './transport';

/**
 * Drops each job as a `.bin` file into a folder, for a print agent, a test or a printer
 * that picks files up itself. Files appear whole: written under a temporary name first.
 */
export class SpoolTransport implements Transport {
  readonly target: string;

  /**
   * `root`, when given, is the folder the spool folder must stay inside: checked on the
   * real path before each job, so a symbolic link cannot lead the job elsewhere.
   */
  constructor(
    private readonly folder: string,
    private readonly root?: string,
  ) {
    this.target = `spool:${folder}`;
  }

  /** Writes `<folder>/<job name or a random id>.bin`. */
  async write(data: Uint8Array, job?: JobInfo): Promise<void> {
    const name = (job?.name ?? randomUUID()).replace(/[^A-Za-z0-9._-]/g, '_');
    try {
      await mkdir(this.folder, { recursive: true });
      const folder = await this.checkedFolder();
      const file = join(folder, `${name}.bin`);
      // A leftover (or planted) .part is removed, not followed; 'wx' never opens an existing
      // path, and rename replaces a link at `file` rather than writing through it.
      await rm(`${file}.part`, { force: true });
      await writeFile(`${file}.part`, data, { flag: 'wx' });
      await rename(`${file}.part`, file);
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      throw new PrinterError('io_error', `${this.target}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** The folder's real path, refused when it lies outside `root`. */
  private async checkedFolder(): Promise<string> {
    const folder = await realpath(this.folder);
    if (this.root === undefined) return folder;
    if (!isInsideFolder(await realpath(this.root), folder)) {
      throw new PrinterError('invalid_target', `${this.target}: outside ${this.root}`);
    }
    return folder;
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
