// Runs the in-host suite (out/test/suite/index.js) inside code-server's real Node extension
// host: the code-server equivalent of @vscode/test-electron's runTests(). The workbench URL's
// `payload` carries extensionDevelopmentPath (the repo) and extensionTestsPath as
// vscode-remote:// URIs on the server's authority; the workbench hands mocha's console output
// to window.codeAutomationLog and the result of run() to window.codeAutomationExit.
// Usage: node scripts/test-cs/hostSuite.mjs   (after `npm run build` and `tsc -p test`)
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, root } from './install.mjs';
import { makeRun, startServer } from './server.mjs';
import { launchBrowser, NOISE } from './browser.mjs';

const SUMMARY = /DOSSIER-SUITE passed=(\d+) failed=(\d+)(?: pending=(\d+))?/;

/**
 * Two copies of test/fixtures/multiroot's folders and a .code-workspace naming both, in the run
 * folder: what the multi-root suites (test/suite/multiRoot*.test.ts) open.
 */
function multiRootWorkspace(run) {
  const dir = path.join(run.dir, 'multiroot');
  fs.cpSync(path.join(root, 'test/fixtures/multiroot'), dir, { recursive: true, filter: (src) => path.basename(src) !== '.dossier' && !src.endsWith('README.md') });
  const file = path.join(dir, 'dossier.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }], settings: {} }, null, 2));
  return file;
}

/**
 * Returns { passed, failed, exitCode, run }; never throws for test failures. With `multiRoot`,
 * the multi-root suites run in a workspace of two folders instead of the single-folder suites.
 */
export async function runHostSuite({ log = console.log, timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300_000), multiRoot = false } = {}) {
  const tests = path.join(root, 'out/test/suite/index.js');
  if (!fs.existsSync(tests)) throw new Error(`${path.relative(root, tests)} is missing: run \`npm run compile-tests\` first`);
  if (!fs.existsSync(path.join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const cs = ensureCodeServer({ log });
  const run = makeRun(multiRoot ? 'host-multiroot' : 'host', { copySamples: !multiRoot });
  const server = await startServer(cs, run, { log, env: { DOSSIER_SUITE_SET: multiRoot ? 'multiroot' : '' } });
  let browser;
  try {
    const authority = `127.0.0.1:${server.port}`;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(tests)],
    ]);
    const opened = multiRoot ? `workspace=${encodeURIComponent(multiRootWorkspace(run))}` : `folder=${encodeURIComponent(run.workspace)}`;
    const url = `${server.origin}/?${opened}&payload=${encodeURIComponent(payload)}`;
    browser = await launchBrowser(run);
    const page = await browser.newPage();
    let summary = null;
    let done;
    const finished = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...args);
      for (const line of text.split('\n')) {
        const m = SUMMARY.exec(line);
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]), pending: Number(m[3] ?? 0) };
        if (!process.env.VERBOSE && NOISE.test(line)) continue;
        (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    if (process.env.VERBOSE) page.on('console', (m) => console.error(`[browser ${m.type()}]`, m.text().slice(0, 300)));
    const timer = setTimeout(() => {
      console.error(`TIMEOUT after ${timeoutMs} ms: the suite never finished (wrong payload path, or the ` +
        `extension failed to load: read ${path.relative(root, run.log)})`);
      done(124);
    }, timeoutMs);
    // A loaded machine can take longer than playwright's 30 s default to serve the workbench.
    await page.goto(url, { timeout: 120_000 });
    const exitCode = await finished;
    clearTimeout(timer);
    // No summary line means run() never reached mocha (e.g. the extension did not load):
    // that is one failure, not zero tests.
    if (!summary) summary = { passed: 0, failed: 1, pending: 0 };
    if (exitCode !== 0 && summary.failed === 0) summary.failed = 1;
    return { ...summary, exitCode, run };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await runHostSuite({ multiRoot: process.argv.includes('--multi-root') });
    console.log(`in-host suite: ${r.passed} passed, ${r.failed} failed (exit ${r.exitCode})`);
    process.exitCode = r.failed ? 1 : 0;
  } catch (e) {
    console.error(`test-cs: ${e.message}`);
    process.exitCode = 1;
  }
}
