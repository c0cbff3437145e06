// Reading the corpus from the index: what the views trust and what they refuse.
import * as assert from 'node:assert/strict';
import { contextOf, readCorpus, type CorpusSource } from '../../../src/core/corpus/source';
import { fakeCorpus } from './fakes';

describe('corpus: reading the index', () => {
  it('resolves merges, keeps unknown entities under their own id and drops rejected mentions', () => {
    const source = fakeCorpus(
      { 'a.txt': { text: 'Ruiz met Ode. Vik left.', mentions: [{ text: 'Ruiz', type: 'PERSON', entity: 'person:ruiz' }, { text: 'Ode', type: 'PERSON' }, { text: 'Vik', type: 'PERSON', provenance: 'rejected' }] } },
      { 'person:ana-ruiz': { type: 'PERSON', canonical: 'Ana Ruiz', merged: ['person:ruiz'] } },
    );
    const [doc] = readCorpus(source);
    assert.deepEqual(doc.mentions.map((m) => [m.text, m.entity, m.record?.canonical ?? null, m.sentence]), [
      ['Ruiz', 'person:ana-ruiz', 'Ana Ruiz', 0],
      ['Ode', 'person:ode', null, 0],
    ]);
  });

  it('skips mentions whose offsets no longer fit the text, and documents the index cannot return', () => {
    const inner = fakeCorpus({ 'a.txt': { text: 'Oslo is cold.', mentions: [{ text: 'Oslo', type: 'PLACE' }] } });
    const record = inner.getDocument('a.txt')!;
    const stale = { ...record, mentions: [...record.mentions, { ...record.mentions[0], start: 40, end: 44 }, { ...record.mentions[0], start: 5, end: 5 }] };
    const source: CorpusSource = {
      documents: () => ['a.txt', 'gone.txt'],
      getDocument: (p) => (p === 'a.txt' ? stale : undefined),
      getText: (p) => inner.getText(p),
      getEntity: () => undefined,
    };
    const docs = readCorpus(source);
    assert.deepEqual(docs.map((d) => [d.path, d.mentions.map((m) => `${m.start}-${m.end}`)]), [['a.txt', ['0-4']]]);
  });

  it('a document without text keeps no mention rather than inventing one', () => {
    const inner = fakeCorpus({ 'a.txt': { text: 'Oslo.', mentions: [{ text: 'Oslo', type: 'PLACE' }] } });
    const source: CorpusSource = { ...inner, getText: () => undefined };
    assert.deepEqual(readCorpus(source).map((d) => d.mentions.length), [0]);
  });

  const contexts: [string, string][] = [
    ['Short sentence.', 'Short sentence.'],
    ['Line\nbreaks   and\ttabs.', 'Line breaks and tabs.'],
  ];
  for (const [text, expect] of contexts) {
    it(`context of ${JSON.stringify(text)} is one line`, () => assert.equal(contextOf(text, { start: 0, end: text.length }, 0, 4), expect));
  }
});
