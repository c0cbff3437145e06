// A throw-away (or persistent) PostgreSQL cluster for the team index: Debian's postgresql
// package (installed when missing and we are root), initdb + pg_ctl run as the `postgres` user
// (PostgreSQL refuses to run as root), on a free localhost port with its socket in the data dir.
// stop() shuts it down and, for a throw-away cluster, removes the folder; an exit hook does the
// same when the caller crashes, so no cluster outlives its test run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PACKAGES = ['postgresql', 'postgresql-contrib'];

function binDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => Number(v) >= 15 && fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

/** The PostgreSQL bin folder, installing the Debian packages first when they are missing. */
export function ensurePostgres() {
  const found = binDir();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL 15+ is not installed; as root run: apt-get install -y ${PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  // Debian's package creates a default cluster; the tests never use it, and it must not run.
  spawnSync('pg_ctlcluster', ['15', 'main', 'stop'], { stdio: 'ignore' });
  const bin = binDir();
  if (!bin) throw new Error('PostgreSQL installed, but no /usr/lib/postgresql/<version>/bin/initdb was found');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the postgres user when we are root; throws with its output on failure. */
function run(bin, tool, args) {
  const cmd = asRoot() ? 'runuser' : path.join(bin, tool);
  const full = asRoot() ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().slice(-800)}`);
  return r.stdout;
}

/**
 * Starts a cluster in `dir` (a new temp folder when omitted; re-used when it already holds one)
 * and returns { url, port, dir, stop }. The superuser is `postgres`, trusted on localhost only.
 */
export async function startCluster({ dir, keep = false } = {}) {
  const bin = ensurePostgres();
  const home = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pg-'));
  const data = path.join(home, 'data');
  fs.mkdirSync(home, { recursive: true });
  if (asRoot()) {
    fs.chmodSync(home, 0o755);
    spawnSync('chown', ['postgres:postgres', home]);
  }
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    run(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  const portFile = path.join(home, 'port');
  const port = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  const opts = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const running = fs.existsSync(path.join(data, 'postmaster.pid'));
  if (!running) run(bin, 'pg_ctl', ['-D', data, '-l', path.join(data, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  if (keep) fs.writeFileSync(portFile, String(port));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
    if (!keep) fs.rmSync(home, { recursive: true, force: true });
  };
  if (!keep) {
    process.on('exit', stop);
    // A signal would end the process without 'exit': turn it into an exit so the cluster goes too.
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) if (process.listenerCount(sig) === 0) process.once(sig, () => process.exit(130));
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir: home, stop };
}

/** Stops a cluster started with keep (the team-server folder). */
export function stopCluster(dir) {
  const data = path.join(dir, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) run(ensurePostgres(), 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
}
