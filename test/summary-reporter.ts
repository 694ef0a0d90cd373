import { writeSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `tests: N passed, N failed` (", N skipped" when any), after
 * vitest's own summary, so that CI can read the count whatever runner it knows. Tests that
 * could not run because their file's hooks or collection failed count as failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      // A file whose hooks or collection failed: its tests did not run, so they are failures,
      // not skips (and a file with no test collected counts as one failure).
      const moduleFailed = m.state() === 'failed';
      let inModule = 0;
      for (const t of m.children.allTests()) {
        inModule++;
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed' || (moduleFailed && t.options.mode !== 'skip' && t.options.mode !== 'todo')) failed++;
        else skipped++;
      }
      if (moduleFailed && inModule === 0) failed++;
    }
    const line = `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    // After vitest's own summary: written as the process exits.
    process.once('exit', () => writeSync(1, line));
  }
}
