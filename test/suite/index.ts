// Entry point of the in-host suite (the extensionTestsPath): the extension host require()s the
// compiled out/test/suite/index.js and awaits run(). Same contract under code-server
// (scripts/test-cs) and @vscode/test-electron (scripts/test-electron.mjs).
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Runners grep this line out of the host's console to count tests. */
function printSummary(passed: number, failed: number, pending: number): void {
  console.log(`DOSSIER-SUITE passed=${passed} failed=${failed} pending=${pending}`);
}

export function run(): Promise<void> {
  // DOSSIER_SUITE_GREP narrows the run while working on one test (the server's environment
  // reaches the extension host).
  const grep = process.env.DOSSIER_SUITE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 30_000, ...(grep ? { grep } : {}) });
  // DOSSIER_SUITE_SET=multiroot: the suites for a multi-root workspace (their own runner stage,
  // which opens a .code-workspace); every other run has one folder and runs the rest.
  const multiRoot = process.env.DOSSIER_SUITE_SET === 'multiroot';
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && f.startsWith('multiRoot') === multiRoot);
  for (const f of files.sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        printSummary(passes, failures, pending);
        if (failures) reject(new Error(`${failures} in-host test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      // A test file that throws while loading must count as a failure, not as "0 tests".
      console.error(err);
      printSummary(0, 1, 0);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
