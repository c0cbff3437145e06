// `npm run test:electron`: the same in-host suite (out/test/suite/index.js) under desktop
// VS Code, downloaded by @vscode/test-electron into .vscode-test/. For machines that can reach
// update.code.visualstudio.com; this project's own CI uses scripts/test-cs (code-server) instead.
// Knobs: VSCODE_VERSION (default 1.100.3, the oldest version engines.vscode allows; "stable"
// or "insiders" also work). On a Linux box without a display run it under `xvfb-run -a`.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './test-cs/install.mjs';
import { makeRun } from './test-cs/server.mjs';

// A fresh copy of samples/ (tests write .dossier/ into it) and a fresh profile with the
// runner's settings.json, exactly as under code-server.
const run = makeRun('electron');
try {
  const code = await runTests({
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/suite/index.js'),
    launchArgs: [
      run.workspace,
      // runTests adds --no-sandbox, --disable-workspace-trust, --skip-welcome itself, and its
      // own profile dirs unless given these.
      `--user-data-dir=${path.join(run.dir, 'data')}`,
      `--extensions-dir=${run.extensionsDir}`,
      // Only Dossier: no other installed extension may interfere.
      '--disable-extensions',
    ],
  });
  process.exitCode = code;
} catch (e) {
  // runTests rejects with TestRunFailedError when the suite fails, or when VS Code could not
  // be downloaded or started (offline, no display).
  const message = e instanceof Error ? e.message : String(e);
  console.error(`test:electron: ${message}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|certificate/i.test(message)) {
    console.error('VS Code cannot be downloaded from here: `npm test` runs the same suite in code-server from npm.');
  } else if (process.platform === 'linux' && !process.env.DISPLAY) {
    console.error('no $DISPLAY: run it as `xvfb-run -a npm run test:electron`');
  }
  process.exitCode = 1;
}
