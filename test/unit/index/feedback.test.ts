// Each annotation kind changes what is extracted in the other documents too, and undo reverts it.
import * as assert from 'node:assert/strict';
import type { EntityIndex, MentionWithProvenance } from '../../../src/core/index/types';
import { openTestIndex } from './fakes';

const A = 'Union negotiator Marieke de Vries spoke in Rotterdam on Monday. Zorblax joined the FNV. Hall agreed.\n';
const B = '# Rotterdam news\nIn Rotterdam, de Vries met Zorblax and Hall. The FNV and Network Rail agreed.\n';

function at(index: EntityIndex, path: string, text: string, nth = 0): { start: number; end: number } {
  const doc = index.getText(path) as string;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = doc.indexOf(text, start + 1);
  assert.ok(start >= 0, `${text} not in ${path}`);
  return { start, end: start + text.length };
}

function mentionsOfText(index: EntityIndex, path: string, text: string): MentionWithProvenance[] {
  return (index.getDocument(path)?.mentions ?? []).filter((m) => m.text === text);
}

interface Case {
  name: string;
  act: (index: EntityIndex) => Promise<unknown>;
  check: (index: EntityIndex) => void;
}

const cases: Case[] = [
  {
    name: 'add: a name marked in one document is found in the others',
    act: (ix) => ix.annotate({ kind: 'add', path: 'a.txt', ...at(ix, 'a.txt', 'Zorblax'), type: 'PERSON' }),
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'a.txt', 'Zorblax').map((m) => [m.type, m.entity, m.provenance]), [['PERSON', 'person:zorblax', 'manual']]);
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'Zorblax').map((m) => [m.type, m.entity, m.source]), [['PERSON', 'person:zorblax', 'lexicon']]);
      assert.equal(ix.getEntity('person:zorblax')?.counts.documents, 2);
    },
  },
  {
    name: 'confirm: a confirmed name is recognised where the engine missed it',
    act: (ix) => ix.annotate({ kind: 'confirm', path: 'a.txt', ...at(ix, 'a.txt', 'Rotterdam') }),
    check: (ix) => {
      assert.equal(mentionsOfText(ix, 'a.txt', 'Rotterdam')[0].provenance, 'confirmed');
      // The heading occurrence in b.txt is invisible to the engine: only the lexicon finds it.
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'Rotterdam').map((m) => m.start), [2, 20]);
    },
  },
  {
    name: 'reject: only that mention is rejected',
    act: (ix) => ix.annotate({ kind: 'reject', path: 'a.txt', ...at(ix, 'a.txt', 'FNV') }),
    check: (ix) => {
      assert.equal(mentionsOfText(ix, 'a.txt', 'FNV')[0].provenance, 'rejected');
      assert.equal(mentionsOfText(ix, 'b.txt', 'FNV')[0].provenance, 'auto');
      assert.equal(ix.getEntity('org:fnv')?.counts.mentions, 1);
    },
  },
  {
    name: 'reject everywhere: the surface form is suppressed in every document',
    act: (ix) => ix.annotate({ kind: 'reject', path: 'a.txt', ...at(ix, 'a.txt', 'FNV'), everywhere: true }),
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'FNV'), []);
      assert.equal(mentionsOfText(ix, 'a.txt', 'FNV')[0].provenance, 'rejected');
      assert.equal(ix.getEntity('org:fnv'), undefined);
      assert.deepEqual(ix.lexicon().suppress, [{ text: 'FNV' }]);
    },
  },
  {
    name: 'relabel: the new type applies to the name in every document',
    act: (ix) => ix.annotate({ kind: 'relabel', path: 'a.txt', ...at(ix, 'a.txt', 'Rotterdam'), type: 'ORG' }),
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'Rotterdam').map((m) => [m.type, m.entity]), [['ORG', 'org:rotterdam']]);
      assert.equal(mentionsOfText(ix, 'a.txt', 'Rotterdam')[0].provenance, 'confirmed');
    },
  },
  {
    name: 'link: the name joins the chosen entity in every document',
    act: async (ix) => {
      await ix.updateDocument('c.txt', 'Chief inspector Andrew Hall spoke.\n');
      return ix.annotate({ kind: 'link', path: 'a.txt', ...at(ix, 'a.txt', 'Hall'), entity: 'person:andrew-hall' });
    },
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'Hall').map((m) => m.entity), ['person:andrew-hall']);
      assert.equal(ix.getEntity('person:andrew-hall')?.counts.documents, 3);
      assert.ok(ix.getEntity('person:andrew-hall')?.aliases.includes('Hall'));
    },
  },
  {
    name: 'merge: every mention of the merged entity moves to the survivor',
    act: (ix) => ix.annotate({ kind: 'merge', from: 'org:fnv', into: 'org:network-rail' }),
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'FNV').map((m) => m.entity), ['org:network-rail']);
      assert.deepEqual(mentionsOfText(ix, 'a.txt', 'FNV').map((m) => m.entity), ['org:network-rail']);
      const survivor = ix.getEntity('org:fnv');
      assert.equal(survivor?.id, 'org:network-rail');
      assert.deepEqual(survivor?.mergedIds, ['org:fnv']);
      assert.ok(survivor?.aliases.includes('FNV'));
      assert.equal(ix.entities().some((e) => e.id === 'org:fnv'), false);
    },
  },
  {
    name: 'split: an alias becomes its own entity in every document',
    act: (ix) => ix.annotate({ kind: 'split', entity: 'person:marieke-de-vries', alias: 'de Vries', name: 'Piet de Vries' }),
    check: (ix) => {
      assert.deepEqual(mentionsOfText(ix, 'b.txt', 'de Vries').map((m) => m.entity), ['person:piet-de-vries']);
      assert.equal(ix.getEntity('person:piet-de-vries')?.canonical, 'Piet de Vries');
      assert.deepEqual(ix.getEntity('person:marieke-de-vries')?.aliases, []);
    },
  },
  {
    name: 'rename: the canonical name changes, the id stays and the old name becomes an alias',
    act: (ix) => ix.annotate({ kind: 'rename', entity: 'person:marieke-de-vries', name: 'Marieke de Vries-Jansen' }),
    check: (ix) => {
      const e = ix.getEntity('person:marieke-de-vries');
      assert.equal(e?.canonical, 'Marieke de Vries-Jansen');
      assert.ok(e?.aliases.includes('Marieke de Vries'));
      assert.equal(ix.search('jansen')[0]?.entity.id, 'person:marieke-de-vries');
    },
  },
  {
    name: 'note: the note is on the entity, with author and time',
    act: (ix) => ix.annotate({ kind: 'note', entity: 'place:rotterdam', note: 'Port city; check the 2019 strike.' }),
    check: (ix) => {
      const [note] = ix.getEntity('place:rotterdam')?.notes ?? [];
      assert.equal(note?.text, 'Port city; check the 2019 strike.');
      assert.equal(note?.author, 'Tester');
      assert.match(note?.created ?? '', /^2026-01-01T/);
    },
  },
];

describe('index: annotations feed back into extraction', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { index } = await openTestIndex({ 'a.txt': A, 'b.txt': B });
      const before = JSON.stringify(index.getDocument('b.txt')?.mentions);
      await c.act(index);
      c.check(index);
      // Undo restores the other document exactly.
      const undone = await index.undo();
      assert.ok(undone, 'undo returned the annotation');
      assert.equal(JSON.stringify(index.getDocument('b.txt')?.mentions), before);
      index.dispose();
    });
  }

  it('survives a reopen: decisions are read back from annotations.json', async () => {
    const first = await openTestIndex({ 'a.txt': A, 'b.txt': B });
    await first.index.annotate({ kind: 'add', path: 'a.txt', ...at(first.index, 'a.txt', 'Zorblax'), type: 'PERSON' });
    await first.index.flush();
    first.index.dispose();
    const second = await openTestIndex({}, { workspace: first.workspace });
    assert.deepEqual(mentionsOfText(second.index, 'b.txt', 'Zorblax').map((m) => m.entity), ['person:zorblax']);
    assert.equal(second.analyze.calls.length, 0, 'nothing re-analysed: the cache key includes the lexicon');
    second.index.dispose();
  });

  it('rejects bad requests with a message and stores nothing', async () => {
    const { index } = await openTestIndex({ 'a.txt': A });
    const bad: [Parameters<EntityIndex['annotate']>[0], RegExp][] = [
      [{ kind: 'add', path: 'missing.txt', start: 0, end: 3, type: 'PERSON' }, /not in the index/],
      [{ kind: 'add', path: 'a.txt', start: 5, end: 500, type: 'PERSON' }, /Invalid selection/],
      [{ kind: 'add', path: 'a.txt', start: 5, end: 6, type: 'PERSON' }, /white space/],
      [{ kind: 'confirm', path: 'a.txt', start: 0, end: 5 }, /No entity mention/],
      [{ kind: 'merge', from: 'org:fnv', into: 'org:nope' }, /Unknown entity/],
      [{ kind: 'merge', from: 'org:fnv', into: 'org:fnv' }, /already one entity/],
      [{ kind: 'split', entity: 'org:fnv', alias: 'X' }, /not an alias/],
      [{ kind: 'rename', entity: 'org:fnv', name: '  ' }, /empty/],
    ];
    for (const [input, message] of bad) await assert.rejects(index.annotate(input), message);
    assert.equal(index.annotations().length, 0);
    index.dispose();
  });
});
