/** The reporter is plain JavaScript, as Jest loads it; this is all the test needs of it. */
interface Reporter {
  onRunComplete(contexts: unknown, results: Record<string, number>): void;
}
const SummaryReporter = jest.requireActual<new () => Reporter>('../../support/summary-reporter');

/** The closing line the reporter prints for a run with these counts. */
function lineFor(counts: Partial<Record<string, number>>): string {
  const written: string[] = [];
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  try {
    new SummaryReporter().onRunComplete(new Set(), {
      numPassedTests: 0,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      numRuntimeErrorTestSuites: 0,
      ...counts,
    });
  } finally {
    write.mockRestore();
  }
  return written.join('').trim();
}

describe('the summary reporter', () => {
  test('prints passed and failed, and skipped only when some were', () => {
    expect(lineFor({ numPassedTests: 12, numFailedTests: 1 })).toBe('Tests: 12 passed, 1 failed');
    expect(lineFor({ numPassedTests: 3, numPendingTests: 2, numTodoTests: 1 })).toBe(
      'Tests: 3 passed, 0 failed, 3 skipped',
    );
  });

  test('names test files that failed before any of their tests ran', () => {
    expect(lineFor({ numPassedTests: 2, numRuntimeErrorTestSuites: 1 })).toBe(
      'Tests: 2 passed, 0 failed, 1 test file failed to run',
    );
  });
});
