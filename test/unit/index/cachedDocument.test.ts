// cachedDocument: what an editor can paint the moment a document opens, before the engine
// runs. It answers only from the index or .dossier/cache/, never calls the analyzer.
import * as assert from 'node:assert/strict';
import { openEntityIndex } from '../../../src/core/index/index';
import { dictionaryAnalyzer, openTestIndex } from './fakes';

const DOCS = { 'a.txt': 'Marieke de Vries spoke in Rotterdam on Monday.\n', 'b.txt': 'Andrew Hall of Network Rail, in Leeds.\n' };

describe('index: cachedDocument (first paint)', () => {
  it('returns the indexed record for the same text without analysing', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    const calls = analyze.calls.length;
    const record = await index.cachedDocument('a.txt', DOCS['a.txt']);
    assert.deepEqual(record?.mentions.map((m) => m.text), index.getDocument('a.txt')?.mentions.map((m) => m.text));
    assert.ok(record?.mentions.some((m) => m.text === 'Rotterdam'));
    assert.equal(analyze.calls.length, calls);
    index.dispose();
  });

  it('reads a fresh window\'s .dossier/cache/ before any scan, and records the document', async () => {
    const first = await openTestIndex(DOCS);
    await first.index.flush();
    first.index.dispose();
    // A new window: the index is open but has not scanned yet.
    const analyze = dictionaryAnalyzer();
    const index = await openEntityIndex(first.workspace, { analyze, engineVersion: 'dict-1', writeDelayMs: 0 });
    assert.deepEqual(index.documents(), [], 'nothing scanned yet');
    const fresh = analyze.calls.length;
    const record = await index.cachedDocument('b.txt', DOCS['b.txt']);
    assert.ok(record?.mentions.some((m) => m.text === 'Andrew Hall'), 'the cached analysis is returned');
    assert.equal(analyze.calls.length, fresh, 'the engine is not asked');
    assert.ok(index.documents().includes('b.txt'));
    index.dispose();
  });

  it('returns undefined for text that was never analysed, and does not record it', async () => {
    const { index, analyze } = await openTestIndex(DOCS);
    const calls = analyze.calls.length;
    assert.equal(await index.cachedDocument('a.txt', 'Something new about Rotterdam.\n'), undefined);
    assert.equal(await index.cachedDocument('c.txt', 'Fresh text.\n'), undefined);
    assert.equal(analyze.calls.length, calls);
    assert.equal(index.getText('a.txt'), DOCS['a.txt'], 'the indexed text is left alone');
    assert.ok(!index.documents().includes('c.txt'));
    index.dispose();
  });
});
