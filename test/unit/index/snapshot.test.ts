// The registry snapshot (.dossier/cache/registry.snapshot): a reopened unchanged workspace gets
// its registry and corpus aliases from it, with results identical to a fresh index; a damaged,
// edited or stale snapshot is ignored and rebuilt.
import * as assert from 'node:assert/strict';
import { REGISTRY_SNAPSHOT_FILE } from '../../../src/core/index/registrySnapshot';
import type { EntityIndex } from '../../../src/core/index/types';
import { MemoryWorkspace, openTestIndex } from './fakes';

const FILES = {
  'a.txt': 'Marieke de Vries spoke in Rotterdam for the FNV.',
  'b.txt': 'De Vries later flew to Leeds. Andrew Hall met her there.',
  'c.md': '# Notes\n\nRotterdam again, and the FNV.',
};

/** Everything a user sees of an index (as JSON: an analysis read from the cache has no undefined fields). */
function view(index: EntityIndex) {
  return json({
    documents: index.documents().map((p) => ({ ...index.getDocument(p), path: p })),
    entities: index.entities(),
    mentions: index.entities().map((e) => index.mentionsOf(e.id).map((m) => [m.path, m.mention.start, m.mention.entity])),
    orphans: index.orphans().map((o) => o.annotation.id),
    search: index.search('vries').map((r) => r.entity.id),
  });
}

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A copy of the workspace's files (the same .dossier/ and cache) without the snapshot. */
function copyWithout(ws: MemoryWorkspace, drop = REGISTRY_SNAPSHOT_FILE): MemoryWorkspace {
  const copy = new MemoryWorkspace();
  for (const [p, f] of ws.files) if (p !== drop) copy.files.set(p, { ...f });
  return copy;
}

/** Reopens `ws` with snapshots on; `reads` lists the files it read. */
async function reopen(ws: MemoryWorkspace) {
  const reads: string[] = [];
  const read = ws.readFile.bind(ws);
  ws.readFile = async (p: string) => (reads.push(p), read(p));
  const opened = await openTestIndex({}, { workspace: ws, snapshot: true });
  ws.readFile = read;
  return { ...opened, reads };
}

async function firstRun() {
  const { index, workspace } = await openTestIndex(FILES, { snapshot: true });
  const vries = index.entities().find((e) => e.canonical === 'Marieke de Vries');
  assert.ok(vries);
  await index.annotate({ kind: 'note', entity: vries.id, note: 'Union negotiator.' });
  await index.scan();
  await index.flush();
  index.dispose();
  return workspace;
}

describe('index: registry snapshot', () => {
  it('is written by a full scan, and a reopen of the unchanged workspace equals a fresh index', async () => {
    const ws = await firstRun();
    assert.ok(ws.files.has(REGISTRY_SNAPSHOT_FILE));
    const fresh = await openTestIndex({}, { workspace: copyWithout(ws) });
    const warm = await reopen(ws);
    assert.ok(warm.reads.includes(REGISTRY_SNAPSHOT_FILE));
    assert.deepEqual(view(warm.index), view(fresh.index));
    assert.equal(warm.analyze.calls.length, 0);
    assert.equal(view(warm.index).entities.find((e) => e.canonical === 'Marieke de Vries')?.notes[0]?.text, 'Union negotiator.');
  });

  it('ignores a damaged or hand-edited snapshot, with the same results, and rewrites it', async () => {
    for (const damage of [(s: string) => s.slice(0, s.length / 2), () => 'not json', (s: string) => s.replace('"Marieke de Vries"', '"Somebody Else"')]) {
      const ws = await firstRun();
      const fresh = await openTestIndex({}, { workspace: copyWithout(ws) });
      const good = ws.files.get(REGISTRY_SNAPSHOT_FILE)?.data ?? '';
      ws.files.set(REGISTRY_SNAPSHOT_FILE, { data: damage(good), mtime: 2 });
      const warm = await reopen(ws);
      assert.deepEqual(view(warm.index), view(fresh.index));
      assert.ok(!view(warm.index).entities.some((e) => e.canonical === 'Somebody Else'));
      assert.equal(ws.files.get(REGISTRY_SNAPSHOT_FILE)?.data, good);
    }
  });

  it('rebuilds after a changed, added or removed file, or changed annotations, as a fresh index does', async () => {
    const changes: ((ws: MemoryWorkspace) => void)[] = [
      (ws) => ws.files.set('b.txt', { data: 'Andrew Hall stayed in Leeds.', mtime: 3 }),
      (ws) => ws.files.set('d.txt', { data: 'The FNV wrote to Andrew Hall.', mtime: 3 }),
      (ws) => ws.files.delete('a.txt'),
      (ws) => {
        const file = ws.files.get('.dossier/annotations.json');
        assert.ok(file);
        ws.files.set('.dossier/annotations.json', { data: file.data.replace('Union negotiator.', 'Left the union.'), mtime: 3 });
      },
    ];
    for (const change of changes) {
      const ws = await firstRun();
      change(ws);
      const fresh = await openTestIndex({}, { workspace: copyWithout(ws) });
      const warm = await reopen(ws);
      assert.deepEqual(view(warm.index), view(fresh.index));
      // The new snapshot describes the new state: a second reopen still equals the fresh index.
      const again = await reopen(ws);
      assert.deepEqual(view(again.index), view(fresh.index));
    }
  });

  it('is neither read nor written without the option', async () => {
    const { workspace } = await openTestIndex(FILES);
    assert.ok(!workspace.files.has(REGISTRY_SNAPSHOT_FILE));
  });
});
