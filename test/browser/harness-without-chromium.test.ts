import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/**
 * A browser test file with more than one test, run through the harness, and the
 * Content-Security-Policy test, which drives Chromium by itself.
 */
const BROWSER_TESTS = [
  'test/browser/visitor-tracking.test.ts',
  'test/browser/content-security-policy.test.ts',
];

/** The counts of Jest's `--json` report that tell passed from skipped. */
interface JestCounts {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/** Runs Jest on the browser test files with Chromium pointed at a path where there is none. */
function runWithoutChromium(ci: boolean): { counts: JestCounts; status: number | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-no-chromium-'));
  try {
    const output = path.join(dir, 'report.json');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LUOT_TEST_CHROMIUM: path.join(dir, 'no-such-chromium'),
    };
    // The outer run may itself be in CI; each case sets CI the way it needs.
    delete env.CI;
    if (ci) env.CI = 'true';
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('jest/bin/jest'),
        '--runTestsByPath',
        ...BROWSER_TESTS,
        '--json',
        '--outputFile',
        output,
        '--reporters',
        'default',
      ],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
    );
    if (!fs.existsSync(output)) throw new Error(`no Jest report: ${run.stderr}`);
    return {
      counts: JSON.parse(fs.readFileSync(output, 'utf8')) as JestCounts,
      status: run.status,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('browser tests on a machine without Chromium', () => {
  test('reports every browser test as skipped, none as passed', () => {
    // Act
    const { counts, status } = runWithoutChromium(false);

    // Assert
    expect(counts.numPassedTests).toBe(0);
    expect(counts.numTotalTests).toBeGreaterThan(1);
    expect(counts).toMatchObject({
      numFailedTests: 0,
      numPendingTests: counts.numTotalTests,
    });
    expect(status).toBe(0);
  }, 120_000);

  test('fails every browser test in CI', () => {
    // Act
    const { counts, status } = runWithoutChromium(true);

    // Assert
    expect(counts.numTotalTests).toBeGreaterThan(1);
    expect(counts).toMatchObject({
      numPassedTests: 0,
      numPendingTests: 0,
      numFailedTests: counts.numTotalTests,
    });
    expect(status).not.toBe(0);
  }, 120_000);
});
