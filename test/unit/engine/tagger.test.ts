// The trained tagger: feature extraction, BILOU decoding, the gate, the model file's round trip
// and deterministic training.
import * as assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/engine/tokens';
import { documentFeatures, taggerDoc } from '../../../src/core/engine/tagger/features';
import { LABELS, allowed, decodeSpans, encodeSpans, labelOf } from '../../../src/core/engine/tagger/labels';
import { Perceptron, decode, hashFeatures } from '../../../src/core/engine/tagger/perceptron';
import { loadModel, modelHash, saveModel, ModelHeader } from '../../../src/core/engine/tagger/modelFile';
import { examplesOf, train, TrainDoc } from '../../../src/core/engine/tagger/train';
import { prepare, tag } from '../../../src/core/engine/tagger/prepare';
import { RULES_ONLY, combine } from '../../../src/core/engine/tagger/combine';
import { gatesOf } from '../../../src/core/engine/tagger/index';
import { analyze, analyzeRules, ENGINE_VERSION } from '../../../src/core/engine/index';
import { MODEL_HASH } from '../../../src/core/engine/tagger/modelVersion';

const TINY: TrainDoc[] = [
  { text: 'Maria Lindqvist met officials in Vienna.', gold: [{ start: 0, end: 15, type: 'PERSON' }, { start: 33, end: 39, type: 'PLACE' }], rules: [], weight: 1 },
  { text: 'Acme Corp hired Jon Berg in Oslo.', gold: [{ start: 0, end: 9, type: 'ORG' }, { start: 16, end: 24, type: 'PERSON' }, { start: 28, end: 32, type: 'PLACE' }], rules: [], weight: 1 },
];
const header: ModelHeader = { format: 'dossier-tagger/1', features: 'test', datasets: [], trained: '2026-01-01', seed: 1, epochs: 3, gates: { add: 0, retype: 0, recut: 0 } };

describe('engine: trained tagger', () => {
  it('features carry the word, its shape, window, gazetteer and the rules\u2019 label', () => {
    const text = 'Officials in Vienna met Maria Lindqvist.';
    const tokens = tokenize(text);
    const feats = documentFeatures(taggerDoc(text, tokens, [{ start: 24, end: 39, type: 'PERSON', source: 'rule' }]));
    const vienna = feats[2];
    assert.ok(vienna.includes('w=Vienna') && vienna.includes('sh=Xx') && vienna.includes('w-1=in'));
    assert.ok(vienna.some((f) => f.startsWith('gaz=U')), 'Vienna is a gazetteer place');
    assert.ok(feats[4].includes('r=B-PERSON') && feats[5].includes('r=L-PERSON'));
    assert.ok(feats[5].includes('doc=surname'), 'the last word of a full PERSON name is a surname');
  });

  it('BILOU labels round-trip to spans and forbid broken sequences', () => {
    const labels = encodeSpans(5, [{ first: 0, last: 2, type: 'PERSON' }, { first: 3, last: 4, type: 'PLACE' }]);
    assert.deepEqual([...labels].map((l) => LABELS[l]), ['B-PERSON', 'L-PERSON', 'O', 'U-PLACE', 'O']);
    assert.deepEqual(decodeSpans(labels), [{ first: 0, last: 2, type: 'PERSON' }, { first: 3, last: 4, type: 'PLACE' }]);
    assert.equal(allowed(labelOf('B', 'PERSON'), labelOf('L', 'ORG')), false);
    assert.equal(allowed(labelOf('B', 'PERSON'), 0), false);
    assert.equal(allowed(-1, labelOf('I', 'ORG')), false);
  });

  it('decoding never produces an ill-formed sequence, even from random weights', () => {
    const w = new Float32Array(1 << 12).map((_, i) => Math.sin(i * 12.9898) * 10);
    const p = prepare('Maria Lindqvist met officials of Acme Corp in Vienna and Oslo.', []);
    const d = decode(new Perceptron(w), p.feats, p.words);
    for (let i = 0; i < d.labels.length; i++) assert.ok(allowed(i ? d.labels[i - 1] : -1, d.labels[i]), `label ${i}`);
  });

  it('training on a tiny corpus twice gives identical weights, and it learns the corpus', () => {
    const a = train(TINY.flatMap(examplesOf), 4, 7);
    const b = train(TINY.flatMap(examplesOf), 4, 7);
    assert.deepEqual(Buffer.from(a.weights.buffer), Buffer.from(b.weights.buffer));
    const spans = tag(a, prepare(TINY[1].text, [])).spans.map((s) => `${TINY[1].text.slice(s.start, s.end)}/${s.type}`);
    assert.deepEqual(spans, ['Acme Corp/ORG', 'Jon Berg/PERSON', 'Oslo/PLACE']);
  });

  it('the model file round-trips: same predictions after save and load', () => {
    const model = train(TINY.flatMap(examplesOf), 3, 1);
    const file = JSON.parse(JSON.stringify(saveModel(model, header)));
    const loaded = loadModel(file);
    const p = prepare('Jon Berg visited Vienna.', []);
    assert.deepEqual([...tag(loaded, p).labels], [...tag(model, p).labels]);
    assert.equal(modelHash(file), modelHash(saveModel(loaded, header)));
    assert.equal(file.encoding, 'sparse');
    assert.ok(file.weights.length < (2 << file.bits) / 4, 'most slots are zero: the sparse table is far smaller than the dense one');
    // A truncated table is refused with a message, not read as a smaller model.
    assert.throws(() => loadModel({ ...file, weights: file.weights.slice(0, 8) + '////' }), /damaged/);
    assert.throws(() => loadModel({ ...file, bits: 40 }), /not a Dossier tagger model/);
    // Format 1 (every slot as Int16) still loads.
    const dense = new Int16Array(1 << file.bits);
    dense[5] = -3;
    const old = loadModel({ header, bits: file.bits, scale: 0.5, weights: Buffer.from(dense.buffer).toString('base64') });
    assert.equal(old.weights[5], -1.5);
    assert.throws(() => loadModel({ header, bits: file.bits, scale: 1, weights: 'AAAA' }), /expected/);
  });

  it('the gate trusts a weak rules guess less than a confident rules name', () => {
    const text = 'They met Bright Harbour Partners today.';
    const tokens = tokenize(text);
    const span = { start: 9, end: 31, type: 'ORG' as const, margin: 5 };
    const tagging = { spans: [span], margins: new Float32Array(tokens.length).fill(5), labels: new Uint8Array(tokens.length) };
    const rulesName = (confidence: number) => [{ start: 9, end: 31, type: 'PERSON' as const, source: 'ner' as const, confidence, text: text.slice(9, 31) }];
    const gates = { ...RULES_ONLY, add: 100, retype: 100, recut: 100, weakRetype: 4, weakRecut: 4 };
    assert.equal(combine(text, rulesName(0.55), tagging, tokens, gates)[0].type, 'ORG', 'a weak guess is retyped at the weak threshold');
    assert.equal(combine(text, rulesName(0.85), tagging, tokens, gates)[0].type, 'PERSON', 'a confident rules name stands');
    assert.equal(gatesOf({ add: 1, retype: 2, recut: 3 }).weakRecut, 3, 'a model without the weak tier uses the general thresholds');
  });

  it('the gate can trust the tagger more for one type than for the others', () => {
    const text = 'They met Bright Harbour Partners today.';
    const tokens = tokenize(text);
    const tagging = (type: 'ORG' | 'PLACE') => ({ spans: [{ start: 9, end: 31, type, margin: 5 }], margins: new Float32Array(tokens.length).fill(5), labels: new Uint8Array(tokens.length) });
    const rules = [{ start: 9, end: 31, type: 'PERSON' as const, source: 'rule' as const, confidence: 0.85, text: text.slice(9, 31) }];
    const gates = { ...RULES_ONLY, retypeORG: 4, addORG: 4 };
    assert.equal(combine(text, rules, tagging('ORG'), tokens, gates)[0].type, 'ORG', 'a confident rules name is retyped to ORG at the ORG threshold');
    assert.equal(combine(text, rules, tagging('PLACE'), tokens, gates)[0].type, 'PERSON', 'but not to PLACE');
    assert.deepEqual(combine(text, [], tagging('ORG'), tokens, gates).map((m) => m.type), ['ORG'], 'a missed ORG is added at the ORG threshold');
    assert.deepEqual(combine(text, [], tagging('PLACE'), tokens, gates), [], 'a missed PLACE is not');
    assert.equal(gatesOf({ add: 1 }).addORG, Infinity, 'a model without typed thresholds uses the general ones');
  });

  it('the shipped model is the one ENGINE_VERSION names, and the engine still reads plain news', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.equal(modelHash(require('../../../src/core/data/tagger.model.json')), MODEL_HASH);
    assert.ok(ENGINE_VERSION.endsWith(`+${MODEL_HASH}`));
    const text = 'Angela Merkel met Emmanuel Macron in Berlin on Monday.';
    const names = (a: ReturnType<typeof analyze>): string[] => a.mentions.map((m) => `${m.text}/${m.type}`);
    assert.deepEqual(names(analyze(text)), names(analyzeRules(text)));
    assert.ok(names(analyze(text)).includes('Angela Merkel/PERSON'));
  });

  it('hashing is stable across runs (the model file depends on it)', () => {
    assert.deepEqual([...hashFeatures(['w=Vienna', 'b'])], [...hashFeatures(['w=Vienna', 'b'])]);
    assert.notEqual(hashFeatures(['w=Vienna'])[0], hashFeatures(['w=vienna'])[0]);
  });
});
