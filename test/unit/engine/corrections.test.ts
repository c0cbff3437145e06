// The corrections loop: a name the researcher relabels in one article is retyped in an unseen
// one by the adapted tagger, and the adaptation is deterministic.
import * as assert from 'node:assert/strict';
import { analyzeRules, analyzeWith } from '../../../src/core/engine/index';
import { shippedTagger } from '../../../src/core/engine/tagger/index';
import { adaptToCorrections, CorrectedDocument } from '../../../src/core/engine/tagger/corrections';

describe('engine: learning from corrections', () => {
  const seen = 'Shares of Quorvex Dynamics rose after Quorvex Dynamics said profits doubled.';
  const start = seen.indexOf('Quorvex');
  const names = [
    { start, end: start + 'Quorvex Dynamics'.length, type: 'ORG' },
    { start: seen.lastIndexOf('Quorvex'), end: seen.lastIndexOf('Quorvex') + 'Quorvex Dynamics'.length, type: 'ORG' },
  ];
  const doc: CorrectedDocument = { text: seen, names, rules: analyzeRules(seen).mentions, touched: names };

  it('adapting twice to the same corrections gives the same weights', () => {
    const base = shippedTagger();
    assert.ok(base, 'the shipped model loads');
    const a = adaptToCorrections(base, [doc]);
    const b = adaptToCorrections(base, [doc]);
    assert.deepEqual(Buffer.from(a.model.weights.buffer), Buffer.from(b.model.weights.buffer));
    assert.equal(a.adapted, true);
  });

  it('a corrected organisation is an organisation in an article the researcher never opened', () => {
    const base = shippedTagger()!;
    const adapted = adaptToCorrections(base, [doc]);
    const unseen = 'Investors cheered as Quorvex Dynamics opened a plant in Ohio.';
    const typeOf = (a: ReturnType<typeof analyzeWith>): string | undefined => a.mentions.find((m) => m.text === 'Quorvex Dynamics')?.type;
    assert.equal(typeOf(analyzeWith(adapted, unseen)), 'ORG');
  });
});
