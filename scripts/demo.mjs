// `npm run demo`: build, package the VSIX, install it into the cached code-server (installing
// code-server first when needed), serve a workbench on samples/ and print its URL. Runs until
// Ctrl-C, then kills the server's whole process group.
//   PORT=8080 (default; a free port when taken)    --vscode: install into desktop VS Code instead
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureCodeServer, root, which } from './test-cs/install.mjs';
import { installExtension, makeRun, startServer } from './test-cs/server.mjs';

const VSIX = path.join(root, 'dossier.vsix');

function step(what, cmd, args) {
  console.log(`> ${what}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`demo: ${what} failed (exit ${r.status})`);
    process.exit(1);
  }
}

step('npm run package (build + VSIX)', 'npm', ['run', 'package']);

if (process.argv.includes('--vscode')) {
  const code = which('code');
  if (!code) {
    console.error('demo --vscode: `code` is not on PATH. In VS Code run "Shell Command: Install \'code\' command in PATH",');
    console.error(`or install by hand: Extensions view > ... > Install from VSIX... > ${VSIX}`);
    process.exit(1);
  }
  console.log(`desktop VS Code found at ${code}: installing ${path.relative(root, VSIX)} there instead of into code-server`);
  step('code --install-extension dossier.vsix', code, ['--install-extension', VSIX, '--force']);
  console.log(`done: open the samples with \`code ${path.join(root, 'samples')}\``);
  process.exit(0);
}

let cs;
try {
  cs = ensureCodeServer();
} catch (e) {
  console.error(`demo: ${e.message}`);
  process.exit(1);
}
// The demo opens samples/ itself (not a copy), so what you annotate is what you see in git;
// samples/.dossier/ is git-ignored.
const run = makeRun('demo', { copySamples: false });
console.log(`> ${installExtension(cs, run, VSIX).split('\n').pop()}`);
const server = await startServer(cs, run, { folder: run.workspace, port: Number(process.env.PORT || 8080) });
console.log(`\nDossier demo: open ${server.origin}/?folder=${encodeURIComponent(run.workspace)}`);
console.log('(open an article from the Explorer; Ctrl-C stops the server)\n');
// Keep running until a signal: server.mjs's handlers kill the process group on the way out.
await new Promise(() => globalThis.setInterval(() => {}, 1 << 30));
