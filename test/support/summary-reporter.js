/**
 * Prints one plain closing line ("Tests: N passed, N failed") that CI logs can be read by.
 * A test file that fails before any test runs (an import that throws, a syntax error)
 * counts no failed test, so such files are named in the line too.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const broken = results.numRuntimeErrorTestSuites;
    const parts = [`${results.numPassedTests} passed`, `${results.numFailedTests} failed`];
    if (skipped > 0) parts.push(`${skipped} skipped`);
    if (broken > 0) parts.push(`${broken} test ${broken === 1 ? 'file' : 'files'} failed to run`);
    process.stdout.write(`\nTests: ${parts.join(', ')}\n`);
  }
}
module.exports = SummaryReporter;
