// `npm test`: every kind of test, in a real VS Code where it matters.
//   (a) Debian packages the runner needs (installed when root, else a message saying what to install)
//   (b) unit tests (mocha over out/test/unit)          --unit
//   (c) build + VSIX (fails at 5 MB or more: the tagger model and pdf.js are bundled into the worker and the CLI)
//   (d) code-server 4.100.3 into .vscode-test-cs/
//   (e) the in-host suite inside code-server           --host
//   (f) the UI flows in chromium against the VSIX      --ui
//   (f2) the team-index suites (test/server) against a throw-away PostgreSQL   --server
//   (g) a summary table and a final `N passed, M failed`; exit 1 on any failure.
// Flags pick a subset (default: all); --update-screenshots refreshes media/screenshots/ from
// the passing UI flows. A stage that cannot run counts as one failure, so a
// broken build can never look like "0 failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, ensureCodeServer } from './test-cs/install.mjs';
import { runHostSuite } from './test-cs/hostSuite.mjs';
import { runUiTests } from '../test/e2e/run.mjs';
import { startCluster } from './pg/cluster.mjs';

const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'build-essential', 'python3', 'pkg-config',
  'fonts-dejavu-core', 'curl', 'ca-certificates'];
const VSIX = path.join(root, 'dossier.vsix');
const VSIX_LIMIT = 5 * 1024 * 1024;
// Per-command limit (unit tests, build, package): generous, but a hang never blocks CI.
const STAGE_TIMEOUT_MS = Number(process.env.DOSSIER_STAGE_TIMEOUT_MS || 10 * 60_000);
const testedVsix = path.join(root, '.runs', `dossier-${process.pid}.vsix`);

const args = new Set(process.argv.slice(2));
const KNOWN = ['--unit', '--host', '--ui', '--server', '--update-screenshots'];
const unknown = [...args].filter((a) => !KNOWN.includes(a));
if (unknown.length) {
  console.error(`npm test: unknown option ${unknown.join(' ')}; known: ${KNOWN.join(' ')}`);
  process.exit(2);
}
const only = ['--unit', '--host', '--ui', '--server'].filter((f) => args.has(f));
const want = (flag) => only.length === 0 || only.includes(flag);
const rows = []; // { kind, passed, failed, ms, note }

async function stage(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name}`);
  try {
    const r = await fn();
    console.log(`=== ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { ok: true, ms: Date.now() - t0, ...r };
  } catch (e) {
    console.error(`=== ${name} FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${e.message}`);
    return { ok: false, ms: Date.now() - t0, error: e };
  }
}

/**
 * Runs a command, streaming its output while keeping a copy to parse. A synchronous endless
 * loop in a test defeats mocha's own timeout, so every command has a time limit, after which
 * its whole process group is killed and the result is exit code 124.
 */
function exec(cmd, cmdArgs, { capture = false, timeoutMs = STAGE_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, detached: true, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    running.add(child);
    let out = '';
    const timer = setTimeout(() => {
      const msg = `\n${path.basename(cmd)} ${cmdArgs.join(' ')}: still running after ${timeoutMs / 1000} s, killed\n`;
      process.stderr.write(msg);
      out += msg;
      killGroup(child);
    }, timeoutMs);
    if (capture) {
      child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
      child.stderr.on('data', (d) => (process.stderr.write(d), (out += d)));
    }
    child.on('error', (e) => resolve({ code: 127, out: String(e) }));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code: signal ? 124 : code, out });
    });
  });
}

// Children run in their own process groups (so a timeout can take their whole tree): they no
// longer get the terminal's Ctrl-C, so pass it on.
const running = new Set();
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
process.on('exit', () => running.forEach(killGroup));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\nnpm test: ${sig}, stopping`);
    process.exit(130);
  });
}

const npx = (bin) => path.join(root, 'node_modules', '.bin', bin);

function ensureAptPackages() {
  const hasDpkg = spawnSync('dpkg', ['--version']).status === 0;
  if (!hasDpkg) {
    console.log('no dpkg (not Debian): make sure chromium (at /usr/bin/chromium or $CHROMIUM), ripgrep, libkrb5 headers and build tools are installed');
    return {};
  }
  const missing = APT_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return { note: 'all present' };
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages; as root run: apt-get update && ${install}`);
  console.log(`installing ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const cmd of [['apt-get', ['update', '-qq']], ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]]]) {
    const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`${cmd[0]} ${cmd[1].join(' ')} failed (exit ${r.status})`);
  }
  return { note: `installed ${missing.join(' ')}` };
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are exactly what is stripped
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

async function unitTests() {
  // tsc emits even with type errors: report them, and still run whatever compiled.
  const tsc = await exec(npx('tsc'), ['-p', 'test']);
  if (tsc.code !== 0) rows.push({ kind: 'type-check (tsc -p test)', passed: 0, failed: 1, ms: 0, note: 'type errors above' });
  const color = process.stdout.isTTY ? ['--color'] : [];
  const r = await exec(npx('mocha'), ['--config', '.mocharc.json', ...color], { capture: true });
  const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(stripAnsi(r.out))?.[1] ?? 0);
  const passed = count('passing');
  let failed = count('failing');
  // mocha exits non-zero without a summary when a test file cannot even load.
  if (r.code !== 0 && failed === 0) failed = 1;
  return { passed, failed, note: count('pending') ? `${count('pending')} pending` : '' };
}

/** The server suites need a real PostgreSQL: a fresh cluster per run, removed afterwards. */
async function serverTests() {
  const b = await exec('node', ['scripts/build.mjs', '--cli-only']);
  if (b.code !== 0) throw new Error('CLI build failed');
  if (!want('--unit')) await exec(npx('tsc'), ['-p', 'test']);
  const cluster = await startCluster();
  try {
    const color = process.stdout.isTTY ? ['--color'] : [];
    process.env.DOSSIER_TEST_DB = cluster.url;
    // The load suites (16 writers × 500 annotations, parallel indexers) need more than one stage's limit.
    const r = await exec(npx('mocha'), ['--config', '.mocharc.server.json', ...color], { capture: true, timeoutMs: 3 * STAGE_TIMEOUT_MS });
    const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(stripAnsi(r.out))?.[1] ?? 0);
    let failed = count('failing');
    if (r.code !== 0 && failed === 0) failed = 1;
    return { passed: count('passing'), failed, note: `PostgreSQL at port ${cluster.port}` };
  } finally {
    cluster.stop();
  }
}

/**
 * The in-host team-index suite connects the extension to a real PostgreSQL: a throw-away cluster
 * whose URL reaches the extension host as $DOSSIER_TEST_DB. Without PostgreSQL the suite still
 * runs, and the team test fails saying why.
 */
async function withTeamCluster(fn) {
  let cluster;
  try {
    cluster = await startCluster();
    process.env.DOSSIER_TEST_DB = cluster.url;
  } catch (e) {
    console.error(`no PostgreSQL for the in-host team suite: ${e.message}`);
  }
  try {
    return await fn();
  } finally {
    cluster?.stop();
  }
}

async function buildAndPackage({ pack }) {
  // A stale VSIX must never be what the UI flows test.
  if (pack) fs.rmSync(VSIX, { force: true });
  const b = await exec('npm', ['run', pack ? 'package' : 'build']);
  if (b.code !== 0) throw new Error(`npm run ${pack ? 'package' : 'build'} failed (exit ${b.code})`);
  if (!pack) return { note: 'dist/' };
  const size = fs.statSync(VSIX).size;
  const mb = (size / 1024 / 1024).toFixed(2);
  if (size >= VSIX_LIMIT) throw new Error(`dossier.vsix is ${mb} MB: must stay under 5 MB (check .vscodeignore)`);
  // The UI flows install a private copy: another `npm run package` in the same checkout may
  // replace dossier.vsix meanwhile.
  fs.mkdirSync(path.dirname(testedVsix), { recursive: true });
  fs.copyFileSync(VSIX, testedVsix);
  return { note: `dossier.vsix ${mb} MB` };
}

function record(kind, r) {
  if (!r.ok) rows.push({ kind, passed: 0, failed: 1, ms: r.ms, note: r.error.message.split('\n')[0].slice(0, 70) });
  else if (r.passed !== undefined) rows.push({ kind, passed: r.passed, failed: r.failed, ms: r.ms, note: r.note ?? '' });
  else rows.push({ kind, passed: null, failed: 0, ms: r.ms, note: r.note ?? '' });
  return r.ok;
}

function summary() {
  const pad = (s, n, right) => (right ? String(s).padStart(n) : String(s).padEnd(n));
  console.log('\n' + [pad('kind', 28), pad('passed', 7, 1), pad('failed', 7, 1), pad('time', 9, 1), '  note'].join(' '));
  for (const r of rows) {
    console.log([pad(r.kind, 28), pad(r.passed ?? '-', 7, 1), pad(r.failed, 7, 1), pad(`${(r.ms / 1000).toFixed(1)} s`, 9, 1), `  ${r.note}`].join(' '));
  }
  const passed = rows.reduce((n, r) => n + (r.passed ?? 0), 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

const needEditor = want('--host') || want('--ui');
const aptOk = needEditor ? record('Debian packages', await stage('Debian packages', ensureAptPackages)) : true;
if (want('--unit')) record('unit tests', await stage('unit tests (mocha)', unitTests));
if (want('--server')) record('server suites (PostgreSQL)', await stage('server suites (PostgreSQL)', serverTests));
let built = true;
if (needEditor) {
  const pack = want('--ui');
  built = record(pack ? 'build + package' : 'build', await stage(pack ? 'build + package (VSIX)' : 'build', () => buildAndPackage({ pack })));
  if (want('--host') && !want('--unit')) {
    const tsc = await stage('compile tests (tsc -p test)', async () => ({ note: (await exec(npx('tsc'), ['-p', 'test'])).code ? 'type errors (emitted anyway)' : '' }));
    record('compile tests', tsc);
  }
  // Without the Debian packages code-server cannot build and chromium is missing: say so once.
  const cs = aptOk
    ? await stage('code-server 4.100.3 (cache)', async () => ({ note: path.relative(root, ensureCodeServer()) }))
    : { ok: false, ms: 0, error: new Error('not installed: Debian packages missing (see above)') };
  const csOk = record('code-server', cs);
  if (want('--host')) {
    if (built && csOk) {
      record('in-host suite', await stage('in-host suite (code-server)', () => withTeamCluster(() => runHostSuite())));
      // A second, short run in a multi-root workspace (a .code-workspace of two folders).
      record('in-host multi-root', await stage('in-host suite, multi-root workspace (code-server)', () => runHostSuite({ multiRoot: true })));
    } else rows.push({ kind: 'in-host suite', passed: 0, failed: 1, ms: 0, note: 'not run: build or code-server failed' });
  }
  if (want('--ui')) {
    if (built && csOk) record('UI flows', await stage('UI flows (chromium + VSIX)', () => runUiTests({ vsix: testedVsix, updateScreenshots: args.has('--update-screenshots') })));
    else rows.push({ kind: 'UI flows', passed: 0, failed: 1, ms: 0, note: 'not run: package or code-server failed' });
  }
}
fs.rmSync(testedVsix, { force: true });
process.exitCode = summary() ? 1 : 0;
