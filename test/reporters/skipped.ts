// Prints, at the end of `npm test`, every test that did not run and why (the note given to
// `context.skip(note)`, e.g. "chromium not installed"), so a green run that skipped the browser
// or Redis tests says so.
import type { Reporter, TestModule } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        skipped.push(`  ${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}${note ? `: ${note}` : ''}`);
      }
    }
    if (skipped.length === 0) return;
    process.stdout.write(`\nSkipped tests (${skipped.length}):\n${skipped.join('\n')}\n`);
  }
}
