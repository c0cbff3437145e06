// Incremental updates: only the touched document is analysed, events name what changed,
// the cache spares reopening, and bad files are reported instead of hanging or vanishing.
import * as assert from 'node:assert/strict';
import type { IndexChangeEvent } from '../../../src/core/index/types';
import { MemoryWorkspace, openTestIndex } from './fakes';

const DOCS = {
  'a.txt': 'Marieke de Vries spoke in Rotterdam on Monday.\nLater de Vries left.\n',
  'b.txt': 'Andrew Hall of Network Rail, in Leeds.\n',
  'c.md': '# Notes\nRotterdam again, with the FNV.\n',
};

describe('index: incremental updates', () => {
  it('analyses each document once, and a rescan of an unchanged folder analyses nothing', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    assert.equal(analyze.calls.length, 3);
    const again = await index.scan();
    assert.deepEqual([again.documents, again.analysed, again.fromCache], [3, 0, 0]);
    assert.equal(analyze.calls.length, 3);
    index.dispose();
  });

  it('a change re-analyses only that document and the event names it and its entities', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    const events: IndexChangeEvent[] = [];
    index.onDidChange((e) => events.push(e));
    await index.updateDocument('b.txt', 'Andrew Hall of Network Rail, in Leeds. Then FNV.\n');
    assert.equal(analyze.calls.length, 4);
    assert.deepEqual(events.map((e) => e.documents), [['b.txt']]);
    assert.ok(events[0].entities.includes('org:fnv'));
    assert.equal(index.getEntity('org:fnv')?.counts.documents, 2);
    await index.updateDocument('b.txt', 'Andrew Hall of Network Rail, in Leeds. Then FNV.\n');
    assert.equal(analyze.calls.length, 4, 'same text: nothing re-analysed');
    index.dispose();
  });

  it('delete drops the document, rename moves it without re-analysis', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    await index.renameDocument('c.md', 'notes/c.md');
    assert.deepEqual(index.documents(), ['a.txt', 'b.txt', 'notes/c.md']);
    assert.equal(analyze.calls.length, 3);
    assert.deepEqual(index.mentionsOf('place:rotterdam').map((l) => l.path), ['a.txt', 'notes/c.md']);
    await index.removeDocument('a.txt');
    assert.deepEqual(index.mentionsOf('place:rotterdam').map((l) => l.path), ['notes/c.md']);
    assert.equal(index.getEntity('person:marieke-de-vries'), undefined);
    index.dispose();
  });

  it('an entity with notes stays in the registry when its last document goes', async () => {
    const { index } = await openTestIndex(DOCS);
    await index.annotate({ kind: 'note', entity: 'place:leeds', note: 'Derailment site.' });
    await index.flush();
    await index.removeDocument('b.txt');
    const leeds = index.getEntity('place:leeds');
    assert.deepEqual([leeds?.canonical, leeds?.counts.mentions, leeds?.notes.map((n) => n.text)], ['Leeds', 0, ['Derailment site.']]);
    assert.equal(index.getEntity('org:network-rail'), undefined, 'entities nobody annotated go with their documents');
    index.dispose();
  });

  it('a scan drops vanished files, reports too-large and binary files, and keeps going', async () => {
    const ws = new MemoryWorkspace({ ...DOCS, 'big.txt': 'x'.repeat(3000), 'bin.txt': 'a\u0000b', 'node_modules/x.txt': 'FNV' });
    const { index } = await openTestIndex({}, { workspace: ws, maxFileSizeMB: 0.002 });
    assert.deepEqual(index.documents(), ['a.txt', 'b.txt', 'c.md']);
    const codes = index.diagnostics().map((d) => `${d.code} ${d.path}`);
    assert.deepEqual(codes.sort(), ['binary bin.txt', 'too-large big.txt']);
    assert.match(index.diagnostics().find((d) => d.code === 'too-large')?.message ?? '', /above the 0\.002 MB limit/);
    ws.files.delete('b.txt');
    const summary = await index.scan();
    assert.equal(summary.removed, 1);
    assert.deepEqual(index.documents(), ['a.txt', 'c.md']);
    index.dispose();
  });

  it('an engine failure is reported and the document stays, empty, until the next change', async () => {
    const { index } = await openTestIndex(DOCS, {
      analyze: (text) => {
        if (text.includes('boom')) throw new Error('engine exploded');
        return { documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: 't' };
      },
    });
    await index.updateDocument('d.txt', 'boom');
    assert.deepEqual(index.getDocument('d.txt')?.mentions, []);
    assert.match(index.diagnostics()[0]?.message ?? '', /Analysis of d.txt failed: engine exploded/);
    index.dispose();
  });

  it('an annotation re-analyses only the documents containing the name', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    const start = (index.getText('a.txt') as string).indexOf('Rotterdam');
    await index.annotate({ kind: 'confirm', path: 'a.txt', start, end: start + 9 });
    assert.equal(analyze.calls.length, 5, 'a.txt and c.md contain Rotterdam, b.txt does not');
    await index.annotate({ kind: 'merge', from: 'org:fnv', into: 'org:network-rail' });
    assert.equal(analyze.calls.length, 5, 'a merge re-analyses nothing');
    index.dispose();
  });

  it('answers where an entity is mentioned, defined, and what is under the cursor', async () => {
    const { index } = await openTestIndex(DOCS);
    const where = index.mentionsOf('person:marieke-de-vries').map((l) => [l.path, l.line, l.character, l.mention.text, l.context]);
    assert.deepEqual(where, [
      ['a.txt', 0, 0, 'Marieke de Vries', 'Marieke de Vries spoke in Rotterdam on Monday.'],
      ['a.txt', 1, 6, 'de Vries', 'Later de Vries left.'],
    ]);
    assert.equal(index.definitionOf('person:marieke-de-vries')?.mention.text, 'Marieke de Vries');
    assert.equal(index.mentionAt('a.txt', 55)?.entity, 'person:marieke-de-vries');
    assert.equal(index.mentionAt('a.txt', 17)?.entity, undefined);
    index.dispose();
  });
});
