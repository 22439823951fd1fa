import { DomainError } from '../../domain/errors';

/**
 * Lets one import run at a time (a catalogue file or a configuration): reading and checking
 * a file takes memory and time, so a second import sent meanwhile is refused with
 * `rate_limited` (429) rather than queued. The gate is taken synchronously, before anything
 * is awaited, and released when the import ends, however it ends.
 */
export class ImportGate {
  private busy = false;

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.busy) {
      throw new DomainError('rate_limited', 'Another import is running; try again when it ends');
    }
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}
