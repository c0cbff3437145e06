// Installs code-server (the real VS Code 1.100.3 server and Node extension host) from npm
// into the git-ignored cache .vscode-test-cs/, only when it is missing. Adapted from
// ../shared/vscode-harness/ci.sh: every env var below works around one offline-install gotcha.
// Usage: node scripts/test-cs/install.mjs   (prints the code-server launcher path)
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CS_VERSION = process.env.CS_VERSION || '4.100.3';
export const cacheDir = path.resolve(process.env.DOSSIER_CS_CACHE || path.join(root, '.vscode-test-cs'));
export const codeServerBin = path.join(cacheDir, 'node_modules', '.bin', 'code-server');

/** True when the cached launcher exists (an install interrupted half-way leaves none). */
export function codeServerInstalled() {
  return fs.existsSync(codeServerBin);
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, but first looks for
 * os.tmpdir()/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz: seed it with
 * Debian's rg. pkgver/tag are those of code-server 4.100.3 (re-read them on a version bump).
 */
function seedRipgrep(env) {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (!target) throw new Error(`no @vscode/ripgrep target known for ${process.arch}: add one in scripts/test-cs/install.mjs`);
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is missing: apt-get install ripgrep');
  const dir = path.join(env.TMPDIR || os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(dir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['czf', tarball, '-C', path.dirname(fs.realpathSync(rg)), 'rg']);
}

export function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // not in this PATH entry
    }
  }
  return null;
}

/** Installs when missing; returns the launcher path. Throws with a readable message. */
export function ensureCodeServer({ log = console.log } = {}) {
  if (codeServerInstalled()) return codeServerBin;
  const major = Number(process.versions.node.split('.')[0]);
  if (CS_VERSION === '4.100.3' && major !== 20) {
    throw new Error(`code-server ${CS_VERSION} needs Node 20 (found ${process.version}): its postinstall exits otherwise`);
  }
  const env = {
    ...process.env,
    // Keep npm's cache and node-gyp's dev dir inside the cache folder, and stop code-server's
    // first run from writing ~/.config/code-server.
    npm_config_cache: process.env.npm_config_cache || path.join(cacheDir, 'npm-cache'),
    XDG_CONFIG_HOME: path.join(cacheDir, 'xdg/config'),
    XDG_DATA_HOME: path.join(cacheDir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(cacheDir, 'xdg/cache'),
    // node-pty's postinstall runs `npx node-gyp`, which refuses when an .npmrc says yes=false.
    npm_config_yes: 'true',
    // code-server's postinstall.sh refuses to run as root unless this env var is set.
    npm_config_unsafe_perm: 'true',
  };
  // node-gyp would otherwise fetch Node headers from nodejs.org: use this node's own.
  const nodePrefix = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  if (!env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include/node/node_version.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  seedRipgrep(env);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, 'package.json'), '{"private":true}\n');
  log(`installing code-server@${CS_VERSION} into ${path.relative(root, cacheDir)}/ (about a minute: native modules build)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CS_VERSION}`], {
    cwd: cacheDir,
    env,
    stdio: 'inherit',
    // A stalled registry must not hang CI: a cold install takes 1-2 minutes.
    timeout: 15 * 60_000,
  });
  if (r.status !== 0 || !codeServerInstalled()) {
    // A half-built tree would make the next run skip the install: remove the launcher's package.
    fs.rmSync(path.join(cacheDir, 'node_modules', 'code-server'), { recursive: true, force: true });
    throw new Error(`npm install code-server@${CS_VERSION} failed (exit ${r.status}); see the output above`);
  }
  return codeServerBin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (e) {
    console.error(`test-cs: ${e.message}`);
    process.exit(1);
  }
}
