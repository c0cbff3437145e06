// `dossier index` with worker threads writes the same index as on the main thread, and a warm
// run over unchanged files analyses nothing.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function index(dir: string, threads: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'index', dir, '--json'], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, DOSSIER_THREADS: threads } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('index: dossier index on worker threads', function () {
  this.timeout(300_000);
  const dirs: string[] = [];
  const copy = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-threads-'));
    fs.cpSync(path.join(ROOT, 'samples'), dir, { recursive: true });
    // More documents than threads, so the lanes interleave (each copy differs: no cache hits).
    for (const name of fs.readdirSync(path.join(ROOT, 'samples'))) fs.writeFileSync(path.join(dir, `copy-${name}`), fs.readFileSync(path.join(dir, name), 'utf8') + '\n\nA copy filed in Oslo.\n');
    dirs.push(dir);
    return dir;
  };

  before(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--cli-only'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 }));
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('gives the same entities and summary on two threads as on the main thread', () => {
    const [one, two] = [copy(), copy()];
    const a = index(one, '0');
    const b = index(two, '2');
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const summary = (s: string) => {
      const j = JSON.parse(s);
      return [j.documents, j.analysed, j.fromCache, j.entities];
    };
    assert.deepEqual(summary(b.stdout), summary(a.stdout));
    assert.deepEqual(summary(b.stdout).slice(0, 3), [8, 8, 0]);
    // The registry, without its times.
    const entities = (d: string) => fs.readFileSync(path.join(d, '.dossier/entities.json'), 'utf8').replace(/"(?:created|updated)": "[^"]*"/g, '');
    assert.equal(entities(two), entities(one));
    // Warm: nothing changed, so no thread is needed and nothing is analysed.
    assert.deepEqual(summary(index(two, '2').stdout).slice(0, 3), [8, 0, 8]);
  });
});
