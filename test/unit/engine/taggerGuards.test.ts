// The gate's guards: on the classes of text the rules handle on purpose (datelines, "Person of
// the Organisation", a common word opening a sentence, a maker inside a product name...), the
// shipped engine gives the rules' answer, and the gate search turns down any threshold that
// would change one of them, even when it scores better.
import * as assert from 'node:assert/strict';
import { analyze, analyzeRules } from '../../../src/core/engine/index';
import { GUARDS, brokenGuards, freezeGuards } from '../../../src/core/engine/eval/guards';
import { GATE_KEYS, Gates, RULES_ONLY } from '../../../src/core/engine/tagger/combine';
import { raiseUntilSafe, searchGates } from '../../../src/core/engine/tagger/gateSearch';
import { shippedTagger } from '../../../src/core/engine/tagger/index';
import { Perceptron, hashString, slot } from '../../../src/core/engine/tagger/perceptron';
import { LABELS } from '../../../src/core/engine/tagger/labels';

const names = (a: { mentions: { type: string; text: string }[] }): string[] => a.mentions.filter((m) => m.type !== 'DATE').map((m) => `${m.type}:${m.text}`);

describe('engine: the gate guards', () => {
  it('cover several classes of text', () => {
    assert.ok(new Set(GUARDS.map((g) => g.kind)).size >= 6);
  });

  for (const g of GUARDS) {
    it(`the shipped engine gives the rules' names: ${g.kind}: "${g.text}"`, () => {
      assert.deepEqual(names(analyze(g.text)), names(analyzeRules(g.text)));
    });
  }

  it('the shipped gates break no guard; the rules alone never do', () => {
    const t = shippedTagger()!;
    const frozen = freezeGuards(t.model);
    assert.deepEqual(brokenGuards(frozen, t.gates), []);
    assert.deepEqual(brokenGuards(frozen, RULES_ONLY), []);
  });

  it('a model sure that a sentence-opening common word is a person breaks a guard once the gate opens', () => {
    // Every capitalised "Cabin" a confident single-word PERSON: a threshold of 0 lets it through.
    const w = new Float32Array(1 << 12);
    const model = new Perceptron(w);
    w[slot(hashString('w=Cabin'), LABELS.indexOf('U-PERSON'), model.mask)] = 50;
    const frozen = freezeGuards(model, [{ kind: 'a common word opens the sentence', text: 'Cabin fees rose again.' }]);
    const open = Object.fromEntries(GATE_KEYS.map((k) => [k, 0])) as unknown as Gates;
    assert.deepEqual(brokenGuards(frozen, open), ['Cabin fees rose again.: (none) -> PERSON:Cabin']);
    assert.deepEqual(brokenGuards(frozen, RULES_ONLY), []);
  });
});

describe('train: the gate search', () => {
  // A made-up tuning score that rewards a low "add" threshold, and a guard that an add below 8 breaks.
  const score = (g: Gates): number => (Number.isFinite(g.add) ? 1 - g.add / 100 : 0) + (Number.isFinite(g.weakRecut) ? 0.01 : 0);
  const guardSafe = (g: Gates): boolean => !(g.add < 8);

  it('keeps the best threshold that breaks no guard', () => {
    const steps: string[] = [];
    const gates = searchGates(score, guardSafe, 1, (s) => s.rejected && steps.push(`${s.key} ${s.rejected}`));
    assert.equal(gates.add, 8);
    assert.ok(steps.includes('add 4'), `the lower thresholds 0, 1, 2 and 4 are rejected: ${steps.join(', ')}`);
    assert.equal(gates.weakRecut, 0, 'a threshold no guard cares about opens fully');
  });

  it('without the guard it would open the threshold fully', () => {
    assert.equal(searchGates(score, () => true, 1).add, 0);
  });

  it('raising closes thresholds until safe, and rules alone is always safe', () => {
    const gates = { ...RULES_ONLY, add: 1, weakRecut: 2 };
    raiseUntilSafe(gates, (g) => (guardSafe(g) ? 0 : -1));
    assert.ok(gates.add >= 8);
    assert.equal(gates.weakRecut, 2, 'a threshold that does not help is left alone');
    const all = { ...RULES_ONLY, add: 0 };
    raiseUntilSafe(all, (g) => (Number.isFinite(g.add) ? -1 : 0));
    assert.equal(all.add, Infinity);
  });
});
