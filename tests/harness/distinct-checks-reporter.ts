import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, at the end of a run, how many distinct checks the suite holds beside the total.
 * Most tests are per-page instances of one check (`it.each(pages)`, a loop over dist/): the
 * total says how much was checked, the distinct count how many different things. A distinct
 * check is one place in the source that defines a test (file, line, column; vitest's
 * includeTaskLocation), so every instance an `each` or a loop makes counts once.
 */
export default class DistinctChecksReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const distinct = new Set<string>();
    let total = 0;
    let passed = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        total++;
        if (t.result().state === 'passed') passed++;
        const at = t.location ? `${t.location.line}:${t.location.column}` : t.fullName;
        distinct.add(`${t.project.name}\0${m.moduleId}\0${at}`);
      }
    }
    console.log(
      `\nChecks: ${distinct.size} distinct, ${total} tests in all (${passed} passed); per-page instances of one check count once.`,
    );
  }
}
