// A warm `dossier index` answered from .dossier/cache/registry.snapshot says exactly what the full
// run says; a changed, added or removed file, or a damaged snapshot, gets the full run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, buildCli, scratchFolder } from '../cliFixture';

const SNAPSHOT = '.dossier/cache/registry.snapshot';

function index(dir: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [CLI, 'index', dir, '--json'], { encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, r.stderr);
  const { ms: _ms, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
  return rest;
}

describe('index: warm dossier index from the registry snapshot', function () {
  this.timeout(300_000);
  let dir = '';
  before(() => {
    buildCli();
    dir = scratchFolder('dossier-warm-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the full run\'s summary, and the full run takes over when anything changed', () => {
    const cold = index(dir);
    assert.ok(fs.existsSync(path.join(dir, SNAPSHOT)));
    const warm = index(dir);
    assert.equal(warm.analysed, 0);
    assert.equal(warm.fromCache, cold.documents);
    // The same folder without the snapshot: the full run's answer, identical.
    fs.rmSync(path.join(dir, SNAPSHOT));
    assert.deepEqual(index(dir), warm);
    assert.deepEqual(index(dir), warm);

    const names = fs.readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n)).sort();
    const total = names.length;
    fs.appendFileSync(path.join(dir, names[0]), '\n\nA late note from Oslo.\n');
    assert.deepEqual([index(dir).analysed, index(dir).analysed], [1, 0]);
    fs.writeFileSync(path.join(dir, 'added.txt'), 'Officials in Vienna met on Friday.\n');
    assert.deepEqual(pick(index(dir)), [total + 1, 1, total, 0]);
    fs.rmSync(path.join(dir, 'added.txt'));
    // A new process knows no documents to drop: the full run says removed 0, and so does the warm one.
    assert.deepEqual(pick(index(dir)), [total, 0, total, 0]);
    assert.deepEqual(pick(index(dir)), [total, 0, total, 0]);

    const good = index(dir);
    for (const damage of ['{"format":"dossier-registry"', 'garbage']) {
      fs.writeFileSync(path.join(dir, SNAPSHOT), damage);
      assert.deepEqual(index(dir), good);
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8')));
    }
  });
});

const pick = (s: Record<string, unknown>) => [s.documents, s.analysed, s.fromCache, s.removed];
