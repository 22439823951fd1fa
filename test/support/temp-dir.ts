import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Registers a describe block's hooks: a new empty folder before each test (its path
 * filled into the returned `path`), removed with all it holds after the test.
 */
export function useTempDir(prefix: string): { path: string } {
  const dir = { path: '' };
  beforeEach(async () => {
    dir.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(() => rm(dir.path, { recursive: true, force: true }));
  return dir;
}
