import * as assert from 'node:assert/strict';
import { bcubedF1, dateAccuracy, emptyScore, micro, prf, scoreDocument, ScoredDocument } from '../../../src/core/engine/eval/score';
import { analyzeBaseline } from '../../../src/core/engine/index';

const gold: ScoredDocument = {
  entities: [
    { id: 'p1', type: 'PERSON' },
    { id: 'd1', type: 'DATE', value: '2020-01-03' },
  ],
  mentions: [
    { start: 0, end: 10, text: 'Ann Vestby', type: 'PERSON', entity: 'p1' },
    { start: 20, end: 26, text: 'Vestby', type: 'PERSON', entity: 'p1' },
    { start: 30, end: 36, text: 'Friday', type: 'DATE', entity: 'd1' },
  ],
};

describe('eval scoring', () => {
  it('a perfect system scores 1 everywhere', () => {
    const s = emptyScore();
    assert.deepEqual(scoreDocument(gold, gold, s), []);
    assert.equal(micro(s.strict).f1, 1);
    assert.equal(micro(s.overlap).f1, 1);
    assert.equal(dateAccuracy(s), 1);
    assert.equal(bcubedF1(s), 1);
  });

  const cases: [string, ScoredDocument, { strict: number; overlap: number; dates: number; bcubed: number }][] = [
    [
      'span off by one counts for overlap only',
      { entities: gold.entities, mentions: [{ ...gold.mentions[0], end: 9, text: 'Ann Vestb' }, gold.mentions[1], gold.mentions[2]] },
      { strict: 2 / 3, overlap: 1, dates: 1, bcubed: 1 },
    ],
    [
      'wrong date value',
      { entities: [gold.entities[0], { id: 'd2', type: 'DATE', value: '2020-01-10' }], mentions: [gold.mentions[0], gold.mentions[1], { ...gold.mentions[2], entity: 'd2' }] },
      { strict: 1, overlap: 1, dates: 0, bcubed: 1 },
    ],
    [
      'split entity lowers B-cubed recall',
      { entities: gold.entities, mentions: [gold.mentions[0], { ...gold.mentions[1], entity: 'p2' }, gold.mentions[2]] },
      { strict: 1, overlap: 1, dates: 1, bcubed: (2 * 1 * (2 / 3)) / (1 + 2 / 3) },
    ],
    [
      'wrong type is a miss and a false alarm',
      { entities: gold.entities, mentions: [{ ...gold.mentions[0], type: 'ORG' }, gold.mentions[1], gold.mentions[2]] },
      { strict: 2 / 3, overlap: 2 / 3, dates: 1, bcubed: 1 },
    ],
  ];
  for (const [name, sys, expected] of cases) {
    it(name, () => {
      const s = emptyScore();
      scoreDocument(gold, sys, s);
      assert.ok(Math.abs(micro(s.strict).f1 - expected.strict) < 1e-9, `strict ${micro(s.strict).f1}`);
      assert.ok(Math.abs(micro(s.overlap).f1 - expected.overlap) < 1e-9, `overlap ${micro(s.overlap).f1}`);
      assert.equal(dateAccuracy(s), expected.dates);
      assert.ok(Math.abs(bcubedF1(s) - expected.bcubed) < 1e-9, `bcubed ${bcubedF1(s)}`);
    });
  }

  it('prf handles empty counts', () => assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { p: 0, r: 0, f1: 0 }));
});

describe('raw compromise baseline', () => {
  it('survives the compromise-dates crash and keeps spans exact', () => {
    const text = 'The firm posted a third-quarter loss on Friday. Ann Vestby met officials in Paris.';
    const a = analyzeBaseline(text, { documentDate: '2020-01-07' });
    for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(a.mentions.some((m) => m.type === 'PLACE'));
  });
});
