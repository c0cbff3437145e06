// The workspace's corrections loop, from annotations as the commands store them: the rebuild is
// deterministic, the cached model follows its key, a relabel generalises to similar unseen names,
// and the lexicon teaches only what holds everywhere.
import * as assert from 'node:assert/strict';
import { analyzeWith } from '../../../src/core/engine/index';
import { shippedTagger } from '../../../src/core/engine/tagger/index';
import { correctionsKey, workspaceTagger } from '../../../src/core/engine/tagger/workspace';
import { CORRECTIONS_DIR, loadWorkspaceTagger } from '../../../src/core/engine/tagger/workspaceCache';
import { makeTarget } from '../../../src/core/index/anchoring';
import { deriveLexicon } from '../../../src/core/index/lexicon';
import type { Annotation, AnnotationKind } from '../../../src/core/index/types';
import type { EntityType } from '../../../src/core/model';
import { MemoryWorkspace } from '../index/fakes';

const SEEN = 'The contract went to Marlow Aerospace, and Marlow Aerospace will build the jets.\n';

let n = 0;
function ruling(kind: AnnotationKind, path: string, text: string, exact: string, type?: EntityType, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  assert.ok(start >= 0, `${exact} in ${path}`);
  const id = `urn:test:${++n}`;
  return { id, kind, author: 'Tester', created: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), target: makeTarget(path, text, start, start + exact.length), body: type ? { type } : {} };
}

const typeAt = (tagger: Parameters<typeof analyzeWith>[0], text: string, name: string): [string, string] | undefined => {
  const m = analyzeWith(tagger, text).mentions.find((x) => x.text === name);
  return m && [m.type, m.source];
};

describe('engine: the corrections loop over a workspace', () => {
  const base = shippedTagger()!;
  const relabel = ruling('relabel', 'seen.txt', SEEN, 'Marlow Aerospace', 'ORG');

  it('the shipped model loads', () => assert.ok(base));

  const generalises: [string, string, string][] = [
    ['a name sharing the head word', 'The contract went to Pennick Aerospace last year.\n', 'Pennick Aerospace'],
    ['a name sharing the head word, in other words', 'Analysts expect Dunlow Aerospace to win the tender.\n', 'Dunlow Aerospace'],
  ];
  for (const [what, unseen, name] of generalises) {
    it(`a relabelled organisation retypes ${what} in an unseen article`, () => {
      assert.notEqual(typeAt(base, unseen, name)?.[0], 'ORG', 'precondition: the shipped engine mistypes it');
      const adapted = workspaceTagger(base, { annotations: [relabel], texts: { 'seen.txt': SEEN } });
      assert.deepEqual(typeAt(adapted, unseen, name), ['ORG', 'corrections']);
    });
  }

  it('leaves what it was not taught alone', () => {
    const adapted = workspaceTagger(base, { annotations: [relabel], texts: { 'seen.txt': SEEN } });
    const other = 'Maria Lopez met Jean Dupont in Lyon on Monday.\n';
    assert.deepEqual(analyzeWith(adapted, other).mentions.map((m) => `${m.type}:${m.text}`), analyzeWith(base, other).mentions.map((m) => `${m.type}:${m.text}`));
  });

  it('rebuilds the same weights and key from the same annotations', () => {
    const input = { annotations: [relabel], texts: { 'seen.txt': SEEN } };
    const a = workspaceTagger(base, input);
    const b = workspaceTagger(base, { annotations: [{ ...relabel, author: 'Someone else' }], texts: { ...input.texts } });
    assert.deepEqual(Buffer.from(a.model.weights.buffer), Buffer.from(b.model.weights.buffer));
    assert.equal(correctionsKey(input, 'm1'), correctionsKey({ ...input, annotations: [{ ...relabel, author: 'Someone else' }] }, 'm1'));
    assert.notEqual(correctionsKey(input, 'm1'), correctionsKey(input, 'm2'), 'a new shipped model is a new key');
  });

  it('caches the adapted model by key and rebuilds when annotations or annotated text change', async () => {
    const port = new MemoryWorkspace({ 'seen.txt': SEEN });
    const first = await loadWorkspaceTagger(port, [relabel], base, 'm1');
    assert.equal(first.origin, 'built');
    const files = () => [...port.files.keys()].filter((p) => p.startsWith(`${CORRECTIONS_DIR}/`));
    assert.deepEqual(files(), [`${CORRECTIONS_DIR}/${first.key}.json`]);
    const again = await loadWorkspaceTagger(port, [relabel], base, 'm1');
    assert.deepEqual([again.origin, again.key], ['cache', first.key]);
    assert.deepEqual(Buffer.from(again.tagger.model.weights.buffer), Buffer.from(first.tagger.model.weights.buffer));

    const more = [relabel, ruling('add', 'seen.txt', SEEN, 'Marlow Aerospace', 'ORG', 1)];
    const second = await loadWorkspaceTagger(port, more, base, 'm1');
    assert.equal(second.origin, 'built');
    assert.notEqual(second.key, first.key);
    assert.deepEqual(files(), [`${CORRECTIONS_DIR}/${second.key}.json`], 'the stale model is dropped');

    await port.writeFileAtomic('seen.txt', SEEN.replace('the jets', 'the new jets'));
    const edited = await loadWorkspaceTagger(port, more, base, 'm1');
    assert.equal(edited.origin, 'built');
    assert.notEqual(edited.key, second.key);

    await port.writeFileAtomic(`${CORRECTIONS_DIR}/${edited.key}.json`, '{"format":"dossier-corrections/1","slots":[1e99]');
    assert.equal((await loadWorkspaceTagger(port, more, base, 'm1')).origin, 'built', 'a damaged cache file is rebuilt');
    assert.equal((await loadWorkspaceTagger(port, [], base, 'm1')).origin, 'none');
  });

  it('an untrusted (read-only) workspace adapts without writing', async () => {
    const port = new MemoryWorkspace({ 'seen.txt': SEEN });
    const r = await loadWorkspaceTagger(port, [relabel], base, 'm1', true);
    assert.equal(r.origin, 'built');
    assert.deepEqual([...port.files.keys()], ['seen.txt']);
  });

  it('an annotation whose document is gone teaches nothing and breaks nothing', () => {
    const adapted = workspaceTagger(base, { annotations: [relabel], texts: {} });
    assert.equal(adapted, base);
  });
});

describe('index: what corrections teach every document', () => {
  const text = 'On Monday, Vantor Group said the company would grow. Vantor Group expects more.\n';
  const cases: [string, Annotation[], string[]][] = [
    ['a name added is taught', [ruling('add', 'a.txt', text, 'Vantor Group', 'ORG')], ['Vantor Group']],
    ['a date added stays on its mention (its value depends on the document)', [ruling('add', 'a.txt', text, 'Monday', 'DATE')], []],
    ['a lower-case description stays on its mention', [ruling('add', 'a.txt', text, 'the company', 'ORG')], []],
    ['a lower-case word marked as a name on purpose is taught', [ruling('add', 'a.txt', text, 'grow', 'PERSON')], ['grow']],
    [
      'a form rejected more often than taught is ambiguous: not taught',
      [ruling('add', 'a.txt', text, 'Vantor Group', 'ORG'), ruling('reject', 'a.txt', text, 'Vantor Group', 'ORG', 1), ruling('reject', 'b.txt', text, 'Vantor Group', 'ORG')],
      [],
    ],
  ];
  for (const [what, annotations, taught] of cases) {
    it(what, () => assert.deepEqual(deriveLexicon(annotations).entries.map((e) => e.text), taught));
  }

  it('a relabel to a date is not taught everywhere', () => {
    assert.deepEqual(deriveLexicon([ruling('relabel', 'a.txt', text, 'Monday', 'DATE')]).relabel, []);
  });
});
