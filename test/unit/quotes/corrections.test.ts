// The researcher corrects quotes like any other annotation: "Change Speaker…" and "Not a Quote"
// are stored as Web Annotations, re-anchored after edits, applied to the index's quotes (and
// so to the view, exports and timeline), and undoable. Real engine, invented texts.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { quotesCsv } from '../../../src/core/index/export/quotes';
import { parseCsv } from '../../../src/core/index/export/csv';
import { toWebAnnotations } from '../../../src/core/index/export/jsonld';
import { corpusQuotes } from '../../../src/core/index/quotes';
import type { EntityIndex } from '../../../src/core/index/types';
import { openTestIndex } from '../index/fakes';

const TEXT = [
  'Port talks',
  '',
  'Tomas Berg met Maria Lindqvist at the harbour on Monday.',
  '',
  '"Nobody wants a strike, but we have no choice," said Tomas Berg.',
  '',
  'Lindqvist warned that the port would lose its contracts.',
  '',
  'The banner read "Fair pay now" all day.',
  '',
].join('\n');

const engine = { analyze: (text: string) => analyze(text), engineVersion: 'engine-test' };

function quotes(index: EntityIndex, path = 'port.txt'): string[] {
  return (index.getDocument(path)?.quotes ?? []).map((q) => `${q.speaker ?? 'unattributed'} ${q.provenance}: ${q.text}`);
}

function at(index: EntityIndex, words: string, path = 'port.txt'): { path: string; start: number; end: number } {
  const start = (index.getText(path) ?? '').indexOf(words);
  assert.ok(start >= 0, `"${words}" is in ${path}`);
  return { path, start, end: start + words.length };
}

describe('quotes: corrections (Change Speaker…, Not a Quote)', () => {
  it('Change Speaker rules on the quote under the cursor, is stored as a Web Annotation, and shows in the exports', async () => {
    const { index, workspace } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      assert.deepEqual(quotes(index), [
        'person:tomas-berg auto: "Nobody wants a strike, but we have no choice,"',
        'person:maria-lindqvist auto: the port would lose its contracts',
      ]);
      const cursor = at(index, 'strike');
      const a = await index.annotate({ kind: 'speaker', path: 'port.txt', start: cursor.start, end: cursor.start, speaker: 'person:maria-lindqvist' });
      assert.equal(a.kind, 'speaker');
      assert.deepEqual(a.body, { entity: 'person:maria-lindqvist', type: 'PERSON' });
      // Anchored to the whole quote, with the same selectors as entity annotations.
      assert.equal(a.target?.selector[0].exact, '"Nobody wants a strike, but we have no choice,"');
      assert.equal(a.target?.selector[1].type, 'TextPositionSelector');
      assert.equal(quotes(index)[0], 'person:maria-lindqvist corrected: "Nobody wants a strike, but we have no choice,"');
      assert.equal(index.getDocument('port.txt')?.quotes[0].confidence, 1);
      await index.flush();
      const stored = JSON.parse(workspace.files.get('.dossier/annotations.json')?.data ?? '{}');
      assert.deepEqual(stored.annotations.map((x: { kind: string }) => x.kind), ['speaker']);
      const [, row] = parseCsv(quotesCsv(index));
      assert.deepEqual(row.slice(0, 3), ['Maria Lindqvist', 'person:maria-lindqvist', '"Nobody wants a strike, but we have no choice,"']);
      const items = (toWebAnnotations(index) as unknown as { first: { items: { id: string; body: { source?: string }[] }[] } }).first.items;
      const quote = items.find((i) => i.id.startsWith('urn:dossier:quote:'));
      assert.equal(quote?.body[1]?.source, 'urn:dossier:entity:person:maria-lindqvist');
    } finally {
      index.dispose();
    }
  });

  it('the correction survives an edit above the quote (re-anchored, then stored at its new place)', async () => {
    const { index, workspace } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      await index.annotate({ kind: 'speaker', ...at(index, 'the port would lose'), speaker: 'person:tomas-berg' });
      await index.updateDocument('port.txt', `Breaking: a second meeting is planned.\n\n${TEXT}`);
      assert.deepEqual(quotes(index), [
        'person:tomas-berg auto: "Nobody wants a strike, but we have no choice,"',
        'person:tomas-berg corrected: the port would lose its contracts',
      ]);
      await index.flush();
      const [stored] = JSON.parse(workspace.files.get('.dossier/annotations.json')?.data ?? '{}').annotations;
      assert.equal(stored.target.selector[1].start, at(index, 'the port would lose').start);
      assert.deepEqual(index.orphans(), []);
    } finally {
      index.dispose();
    }
  });

  it('Not a Quote removes the quote everywhere the index shows it; Undo brings it back', async () => {
    const { index } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      await index.annotate({ kind: 'notQuote', ...at(index, 'lose its contracts') });
      assert.equal(quotes(index).length, 1);
      assert.equal(corpusQuotes(index).length, 1);
      const undone = await index.undo();
      assert.equal(undone?.kind, 'notQuote');
      assert.equal(quotes(index).length, 2);
    } finally {
      index.dispose();
    }
  });

  it('a quote can be made unattributed, and a speaker for words the engine missed adds them as a quote', async () => {
    const { index } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      await index.annotate({ kind: 'speaker', ...at(index, 'strike'), speaker: null });
      assert.equal(quotes(index)[0], 'unattributed corrected: "Nobody wants a strike, but we have no choice,"');
      await index.annotate({ kind: 'speaker', ...at(index, '"Fair pay now"'), speaker: 'person:tomas-berg' });
      const added = index.getDocument('port.txt')?.quotes.find((q) => q.provenance === 'manual');
      assert.deepEqual(added && [added.text, added.kind, added.speaker], ['"Fair pay now"', 'direct', 'person:tomas-berg']);
    } finally {
      index.dispose();
    }
  });

  it('the speaker follows a merge of its entity', async () => {
    const { index } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      await index.annotate({ kind: 'speaker', ...at(index, 'strike'), speaker: 'person:maria-lindqvist' });
      await index.annotate({ kind: 'merge', from: 'person:maria-lindqvist', into: 'person:tomas-berg' });
      assert.equal(index.getDocument('port.txt')?.quotes[0].speaker, 'person:tomas-berg');
    } finally {
      index.dispose();
    }
  });

  it('bad requests fail with a message and store nothing', async () => {
    const { index } = await openTestIndex({ 'port.txt': TEXT }, engine);
    try {
      await assert.rejects(index.annotate({ kind: 'notQuote', ...at(index, 'Port talks') }), /no quote there/);
      await assert.rejects(index.annotate({ kind: 'speaker', ...at(index, 'strike'), speaker: 'person:nobody' }), /Unknown entity "person:nobody"/);
      const title = at(index, 'Port talks');
      await assert.rejects(index.annotate({ kind: 'speaker', path: 'port.txt', start: title.start, end: title.start, speaker: null }), /select the quoted words/);
      assert.deepEqual(index.annotations(), []);
    } finally {
      index.dispose();
    }
  });

  it('a correction an older Dossier kept under "unreadable" is read and applied again', async () => {
    const first = await openTestIndex({ 'port.txt': TEXT }, engine);
    await first.index.annotate({ kind: 'speaker', ...at(first.index, 'strike'), speaker: 'person:maria-lindqvist' });
    await first.index.flush();
    first.index.dispose();
    const file = JSON.parse(first.workspace.files.get('.dossier/annotations.json')?.data ?? '{}');
    // What a build without quote corrections writes back: the entry it could not read, set aside.
    first.workspace.files.set('.dossier/annotations.json', { data: JSON.stringify({ schemaVersion: 1, annotations: [], unreadable: file.annotations }), mtime: 2 });
    const { index } = await openTestIndex({}, { ...engine, workspace: first.workspace });
    try {
      await index.scan();
      assert.equal(quotes(index)[0], 'person:maria-lindqvist corrected: "Nobody wants a strike, but we have no choice,"');
    } finally {
      index.dispose();
    }
  });
});
