// A multi-root workspace: one index and .dossier/ per folder, seen as one index whose paths
// start with the folder's name.
import { strict as assert } from 'node:assert';
import { MultiRootIndex } from '../../../src/core/index/multiRootIndex';
import { ANNOTATIONS_FILE } from '../../../src/core/index/store';
import { entityId } from '../../../src/core/model';
import { openTestIndex } from './fakes';

async function twoFolders() {
  const a = await openTestIndex({ 'a.md': 'Marieke de Vries met FNV in Rotterdam.\n', 'notes/b.md': 'Andrew Hall went to Leeds.\n' });
  const b = await openTestIndex({ 'c.txt': 'Marieke de Vries spoke to Network Rail.\n' });
  const index = new MultiRootIndex([
    { name: 'alpha', index: a.index },
    { name: 'beta', index: b.index },
  ]);
  return { index, a, b };
}

describe('index: multi-root workspace', () => {
  it('lists every folder\'s documents under the folder\'s name and finds entities of both', async () => {
    const { index } = await twoFolders();
    assert.deepEqual(index.documents(), ['alpha/a.md', 'alpha/notes/b.md', 'beta/c.txt']);
    assert.equal(index.search('Network Rail')[0]?.entity.canonical, 'Network Rail');
    assert.equal(index.search('Andrew Hall')[0]?.entity.canonical, 'Andrew Hall');
    assert.equal(index.getDocument('beta/c.txt')?.path, 'beta/c.txt');
    assert.equal(index.getDocument('gamma/c.txt'), undefined);
    index.dispose();
  });

  it('an entity in both folders is one record, its counts and mentions summed', async () => {
    const { index } = await twoFolders();
    const id = entityId('PERSON', 'Marieke de Vries');
    const record = index.entities().find((e) => e.id === id);
    assert.deepEqual(record?.counts, { mentions: 2, documents: 2 });
    assert.deepEqual(index.mentionsOf(id).map((l) => l.path), ['alpha/a.md', 'beta/c.txt']);
    assert.equal(index.getEntity(id)?.counts.documents, 2);
    index.dispose();
  });

  it('an annotation goes to its own folder\'s .dossier/, and undo takes it back', async () => {
    const { index, a, b } = await twoFolders();
    const text = index.getText('beta/c.txt') ?? '';
    const start = text.indexOf('Network Rail');
    const made = await index.annotate({ kind: 'reject', path: 'beta/c.txt', start, end: start + 'Network Rail'.length });
    assert.equal(made.target?.source, 'beta/c.txt');
    await index.flush();
    assert.match(b.workspace.files.get(ANNOTATIONS_FILE)?.data ?? '', /c\.txt/);
    assert.equal(a.workspace.files.has(ANNOTATIONS_FILE) && /c\.txt/.test(a.workspace.files.get(ANNOTATIONS_FILE)!.data), false);
    assert.deepEqual(index.annotations().map((x) => x.target?.source), ['beta/c.txt']);
    await index.undo();
    assert.equal(index.annotations().length, 0);
    index.dispose();
  });

  it('renaming within a folder and moving to another folder keep one record per document', async () => {
    const { index } = await twoFolders();
    const events: string[][] = [];
    index.onDidChange((e) => events.push(e.documents));
    await index.renameDocument('alpha/notes/b.md', 'alpha/b2.md');
    await index.renameDocument('alpha/b2.md', 'beta/b3.md');
    assert.deepEqual(index.documents(), ['alpha/a.md', 'beta/b3.md', 'beta/c.txt']);
    assert.ok(events.flat().every((p) => p.startsWith('alpha/') || p.startsWith('beta/')));
    assert.equal(index.mentionsOf(entityId('PERSON', 'Andrew Hall'))[0]?.path, 'beta/b3.md');
    index.dispose();
  });

  it('scan covers every folder, with progress across them', async () => {
    const { index } = await twoFolders();
    const seen: string[] = [];
    const summary = await index.scan((p) => seen.push(p.path));
    assert.equal(summary.documents, 3);
    assert.ok(seen.includes('beta/c.txt'), seen.join());
    await assert.rejects(index.updateDocument('nowhere.md', 'x'), /none of the workspace folders/);
    index.dispose();
  });
});
