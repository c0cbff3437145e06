// The committed quote gold: the four samples and the paris article (read from ../shared, never
// copied), scored with the eval's own scorer against the targets of issue 11.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../src/core/engine/index';
import { emptyQuoteScore, quoteSummary, QuoteGoldFile, scoreQuotes } from '../../../src/core/engine/eval/quotes';

const dir = path.resolve(__dirname, '../../../../test/fixtures/quotes');

describe('quotes: gold and scoring', () => {
  it('meets quote F1 ≥ 0.90 and speaker accuracy ≥ 0.85 on the gold', () => {
    const score = emptyQuoteScore();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.quotes.gold.json'));
    assert.ok(files.includes('paris-2015.quotes.gold.json') && files.length >= 5);
    for (const f of files) {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as QuoteGoldFile;
      const text = fs.readFileSync(path.resolve(dir, gold.document), 'utf8');
      scoreQuotes(gold.quotes, analyze(text).quotes ?? [], score);
    }
    const s = quoteSummary(score);
    assert.ok(s.f1 >= 0.9, `F1 ${s.f1}`);
    assert.ok(s.speakerAccuracy >= 0.85, `speaker accuracy ${s.speakerAccuracy}`);
  });

  it('the paris gold holds offsets, kinds and speakers only, not the article', () => {
    const raw = fs.readFileSync(path.join(dir, 'paris-2015.quotes.gold.json'), 'utf8');
    const gold = JSON.parse(raw) as QuoteGoldFile;
    for (const q of gold.quotes) assert.deepEqual(Object.keys(q).sort(), ['end', 'kind', 'speaker', 'start']);
    assert.ok(!/storm|strategy/.test(raw));
  });

  it('scores span overlap one-to-one and speaker accuracy on matches', () => {
    const score = emptyQuoteScore();
    const gold = [
      { start: 0, end: 10, kind: 'direct' as const, speaker: 'person:a' },
      { start: 20, end: 30, kind: 'indirect' as const, speaker: 'org:b' },
    ];
    const sys = [
      { start: 2, end: 8, text: '', speaker: 'person:a', cue: { start: 0, end: 0 }, kind: 'direct' as const, confidence: 1 },
      { start: 5, end: 9, text: '', speaker: 'person:a', cue: { start: 0, end: 0 }, kind: 'direct' as const, confidence: 1 },
      { start: 25, end: 40, text: '', speaker: null, cue: { start: 0, end: 0 }, kind: 'indirect' as const, confidence: 1 },
    ];
    const errors = scoreQuotes(gold, sys, score);
    assert.deepEqual(score, { tp: 2, fp: 1, fn: 0, speakerCorrect: 1 });
    assert.deepEqual(errors.map((e) => e.kind), ['FP', 'SPEAKER']);
  });
});
