// Starts code-server on a free 127.0.0.1 port with a fresh profile, in its own process group,
// and guarantees that the whole group is killed afterwards (success, failure, Ctrl-C, exceptions).
// Adapted from ../shared/vscode-harness/run-api.sh and run-ui.sh.
/* global fetch */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './install.mjs';

const kitDir = path.dirname(fileURLToPath(import.meta.url));
const KEEP_RUNS = 10;

/** Bind port 0 and read what the kernel picked; `preferred` first when given and free. */
export async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(null));
      s.listen(port, '127.0.0.1', () => {
        const { port: p } = s.address();
        s.close(() => resolve(p));
      });
    });
  if (preferred) {
    const p = await tryListen(preferred);
    if (p) return p;
  }
  return tryListen(0);
}

/** Keeps the newest KEEP_RUNS folders whose name starts with `prefix`, so .runs/ stays small. */
export function pruneOld(dir, prefix, keep = KEEP_RUNS) {
  const old = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ p: path.join(dir, n), t: fs.statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(keep - 1);
  for (const { p } of old) fs.rmSync(p, { recursive: true, force: true });
}

/**
 * A per-run folder under .runs/ (git-ignored): profile (the kit's settings.json), extensions
 * dir, XDG dirs, server.log, and a fresh copy of samples/ as the workspace, because tests
 * write .dossier/ into it and every run must start from the committed samples.
 */
export function makeRun(kind, { copySamples = true } = {}) {
  fs.mkdirSync(path.join(root, '.runs'), { recursive: true });
  pruneOld(path.join(root, '.runs'), `${kind}.`);
  const dir = fs.mkdtempSync(path.join(root, '.runs', `${kind}.`));
  fs.mkdirSync(path.join(dir, 'data/User'), { recursive: true });
  fs.copyFileSync(path.join(kitDir, 'settings.json'), path.join(dir, 'data/User/settings.json'));
  let workspace = path.join(root, 'samples');
  if (copySamples) {
    workspace = path.join(dir, 'workspace');
    fs.cpSync(path.join(root, 'samples'), workspace, {
      recursive: true,
      filter: (src) => path.basename(src) !== '.dossier',
    });
  }
  return { dir, workspace, extensionsDir: path.join(dir, 'ext'), log: path.join(dir, 'server.log') };
}

/** Environment that keeps code-server and chromium out of ~ (XDG) and its IPC sockets private. */
function isolatedEnv(run, sockDir) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(run.dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(run.dir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(run.dir, 'xdg/cache'),
    // VS Code leaves vscode-ipc-*.sock behind when killed; a short private dir (socket paths
    // max out at 107 bytes, so not inside a deep checkout) that we delete afterwards.
    XDG_RUNTIME_DIR: sockDir,
    TMPDIR: sockDir,
  };
}

function commonArgs(run) {
  return ['--config', path.join(run.dir, 'config.yaml'), '--user-data-dir', path.join(run.dir, 'data'),
    '--extensions-dir', run.extensionsDir];
}

/** `code-server --install-extension` installs into the run's extensions dir and exits. */
export function installExtension(cs, run, vsix) {
  const sockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsc.'));
  try {
    const r = spawnSync(cs, [...commonArgs(run), '--install-extension', vsix], {
      env: isolatedEnv(run, sockDir),
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status !== 0 || /error|failed/i.test(out)) {
      throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (exit ${r.status}): ${out}`);
    }
    return out;
  } finally {
    fs.rmSync(sockDir, { recursive: true, force: true });
  }
}

const live = new Set();
let hooksInstalled = false;
// Last resort when the runner dies without reaching its `finally` (Ctrl-C, uncaught error):
// every server still running is killed with its whole group before the process goes.
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const s of live) s.killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\ntest-cs: ${sig}, stopping ${live.size} server(s)`);
      process.exit(130);
    });
  }
}

/**
 * Starts the server and waits for /healthz. Returns { port, origin, run, stop() };
 * stop() is idempotent and resolves once the process group is gone.
 */
export async function startServer(cs, run, { folder, port, env = {}, log = console.log } = {}) {
  installExitHooks();
  port = await freePort(port);
  const sockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsc.'));
  const out = fs.openSync(run.log, 'a');
  const args = [...commonArgs(run), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  if (folder) args.push(folder);
  const t0 = Date.now();
  // detached: the server leads its own process group, so -pid reaches the extension host,
  // pty host and file watcher too.
  const child = spawn(cs, args, { detached: true, stdio: ['ignore', out, out], env: { ...isolatedEnv(run, sockDir), ...env } });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // group already gone
    }
  };
  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    run,
    killNow() {
      signal('SIGKILL');
      fs.rmSync(sockDir, { recursive: true, force: true });
      live.delete(server);
    },
    async stop() {
      if (!live.has(server)) return;
      signal('SIGTERM');
      for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
      server.killNow();
    },
  };
  live.add(server);
  for (let i = 0; i < 300; i++) {
    if (exited) break;
    try {
      const r = await fetch(`${server.origin}/healthz`);
      if (r.ok) {
        log(`code-server up on ${server.origin} after ${Date.now() - t0} ms (log: ${path.relative(root, run.log)})`);
        return server;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  const tail = fs.readFileSync(run.log, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`code-server did not come up on port ${port}; last lines of ${run.log}:\n${tail}`);
}
