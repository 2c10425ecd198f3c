// Prints each test's notes (test.info().annotations of type "note") under the list reporter's line, and as the run's
// very last line the plain `e2e: N passed, N failed` that .ci/run and CI's log reader look for. A run that failed
// outside any test (the server did not start, the whole-run ceiling was reached, no spec matched) counts as one
// failure, and so does each test it never reached, so the line never reads "0 failed" for a red run.
export default class SummaryReporter {
  passed = 0;
  failed = 0;
  skipped = 0;
  globalErrors = 0;

  printsToStdio() {
    return true;
  }

  onTestEnd(test, result) {
    // A test that is retried reports once per attempt; only its last attempt counts.
    if (
      result.status !== 'skipped' &&
      result.retry < test.retries &&
      test.outcome() === 'unexpected'
    )
      return;
    const outcome = test.outcome();
    if (outcome === 'skipped') this.skipped++;
    else if (outcome === 'expected' || outcome === 'flaky') this.passed++;
    else this.failed++;
    for (const a of result.annotations ?? test.annotations)
      if (a.type === 'note' && a.description)
        process.stdout.write(`      note: ${a.description}\n`);
  }

  onError() {
    this.globalErrors++;
  }

  onBegin(config, suite) {
    this.suite = suite;
  }

  onEnd(result) {
    let failed = this.failed;
    // Tests a red run never reached (the ceiling, -x) failed to show they work: count them.
    if (result.status !== 'passed')
      failed += this.suite?.allTests().filter((t) => t.results.length === 0).length ?? 0;
    if (failed === 0 && (result.status !== 'passed' || this.globalErrors > 0)) failed = 1;
    if (this.passed === 0 && failed === 0) failed = 1; // nothing ran: not a green run
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    process.stdout.write(`e2e: ${this.passed} passed, ${failed} failed${skipped}\n`);
  }
}
