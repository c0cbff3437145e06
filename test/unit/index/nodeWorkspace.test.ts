// The node:fs port: which files a scan sees, and paths that must stay inside the workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeWorkspace } from '../../../src/cli/nodeWorkspace';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../../src/core/index/entityIndex';

describe('index: node workspace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-ws-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists included files, skipping excluded folders, .dossier and other file types', async () => {
    for (const f of ['a.txt', 'notes/b.md', 'notes/deep/c.txt', 'node_modules/pkg/readme.md', '.git/x.txt', '.dossier/cache/k.json', 'img.png', 'sub/node_modules/d.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    const ws = new NodeWorkspace(dir);
    assert.deepEqual(await ws.listFiles(DEFAULT_INCLUDE, DEFAULT_EXCLUDE), ['a.txt', 'notes/b.md', 'notes/deep/c.txt']);
    assert.deepEqual(await ws.listFiles(['notes/**/*.txt'], []), ['notes/deep/c.txt']);
    assert.deepEqual(await ws.readDir('.dossier/cache'), ['k.json']);
    assert.deepEqual(await ws.readDir('missing'), []);
    assert.equal(await ws.readFile('missing.txt'), undefined);
    assert.equal(await ws.stat('missing.txt'), undefined);
    await assert.rejects(ws.writeFileAtomic('../outside.txt', 'x'), /outside the workspace/);
  });
});
