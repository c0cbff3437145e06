// The simulated researcher of `dossier eval --simulate-corrections`: every difference from the
// gold becomes the ruling a user would make with the annotation commands, and nothing else does.
import * as assert from 'node:assert/strict';
import { correctionsFor, splitByTopic } from '../../../src/core/engine/eval/simulate';
import type { GoldDocument } from '../../../src/core/engine/eval/report';
import type { EntityType, Mention } from '../../../src/core/model';

const text = 'Ada Lovelace met Babbage at Analytical Works in London on Monday.';
const span = (s: string, type: EntityType): Mention => {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s, type, entity: `${type}:${s}`, confidence: 1, source: 'rule' };
};

describe('eval: the simulated corrections', () => {
  const cases: [string, Mention[], Mention[], string[]][] = [
    ['nothing to correct', [span('London', 'PLACE')], [span('London', 'PLACE')], []],
    ['a wrong type is relabelled', [span('Analytical Works', 'PERSON')], [span('Analytical Works', 'ORG')], ['relabel ORG Analytical Works']],
    ['a false hit is rejected', [span('Monday', 'PERSON')], [], ['reject PERSON Monday']],
    ['a miss is added', [], [span('Babbage', 'PERSON')], ['add PERSON Babbage']],
    ['a mis-cut name is rejected, then the right span added', [span('Lovelace', 'PERSON')], [span('Ada Lovelace', 'PERSON')], ['reject PERSON Lovelace', 'add PERSON Ada Lovelace']],
  ];
  for (const [what, found, gold, rulings] of cases) {
    it(what, () => {
      let t = 0;
      const out = correctionsFor('a.txt', text, found, gold, () => `2026-01-01T00:00:0${t++}Z`);
      assert.deepEqual(out.map((a) => `${a.kind} ${a.body.type} ${a.target?.selector[0].exact}`), rulings);
      for (const a of out) assert.equal(text.slice(a.target!.selector[1].start, a.target!.selector[1].end), a.target!.selector[0].exact);
    });
  }

  it('corrects the first half of each topic by file name and scores the rest', () => {
    const doc = (name: string, topic: string): GoldDocument => ({ name, text: '', notes: `corpus_${topic}`, entities: [], mentions: [] }) as GoldDocument;
    const { first, second } = splitByTopic([doc('b', 'x'), doc('a', 'x'), doc('c', 'x'), doc('d', 'y'), doc('e', 'y')]);
    assert.deepEqual([first.map((d) => d.name), second.map((d) => d.name)], [['a', 'b', 'd'], ['c', 'e']]);
  });

  it('cuts a lone document in two at the line break nearest its middle, never inside a name', () => {
    const body = 'Ada Lovelace wrote notes.\nBabbage built\nthe engine in London.\nLovelace died in 1852.\n';
    const at = (s: string, type: EntityType) => ({ ...span('x', type), start: body.indexOf(s), end: body.indexOf(s) + s.length, text: s });
    const gold = [at('Ada Lovelace', 'PERSON'), at('Babbage built\nthe engine', 'ORG'), at('London', 'PLACE'), at('Lovelace died', 'PERSON')];
    const { first, second } = splitByTopic([{ name: 'one.txt', text: body, entities: [], mentions: gold } as GoldDocument]);
    assert.deepEqual(first.map((d) => d.name), ['one.txt#1']);
    assert.deepEqual(second.map((d) => d.name), ['one.txt#2']);
    // The break nearest the middle falls inside the ORG span: the nearest other one is taken.
    assert.equal(first[0].text + second[0].text, body);
    assert.equal(first[0].text, 'Ada Lovelace wrote notes.\n');
    for (const d of [...first, ...second]) for (const m of d.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
    assert.deepEqual(first[0].mentions.map((m) => m.text), ['Ada Lovelace']);
    assert.deepEqual(second[0].mentions.map((m) => m.text), ['Babbage built\nthe engine', 'London', 'Lovelace died']);
  });
});
