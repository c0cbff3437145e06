import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, found } from './support';

const sentence = 'Officials in Vienna said Maria Lindqvist met the World Health Organization on Friday. ';
// News-like density: one short name-bearing sentence among longer plain ones.
const prose = sentence + 'The committee discussed the budget at length and agreed to meet again after the holidays, although several members had doubts about the timetable. '.repeat(3) + '\n\n';

describe('engine: robustness', () => {
  const cases: [string, () => string][] = [
    ['empty text', () => ''],
    ['only whitespace', () => ' \n\n\t '],
    ['10 MB of prose', () => prose.repeat(Math.ceil(10_000_000 / prose.length))],
    ['a single 1 MB line without punctuation', () => 'word '.repeat(200_000)],
    ['a single 1 MB token', () => 'x'.repeat(1_000_000)],
    ['emoji and surrogate pairs', () => '🎉 Maria Lindqvist 👩🏽‍🔬 visited Vienna 🇦🇹 on Friday. 𝒜 ok.'],
    ['combining accents', () => 'Jose\u0301 Nun\u0303ez visited Malme\u0308 and Vienna.'],
    ['RTL text', () => 'قال مسؤولون في فيينا إن ماريا التقت. Vienna ‏agreed‎ too.'],
    ['NUL bytes and control characters', () => 'Vienna\u0000 and\u0001 Madrid\u0000\u0000 met\u0007.'],
    ['lone surrogates', () => '\ud800 Vienna \udc00 Madrid \ud83d'],
    ['binary-looking noise', () => Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ];
  for (const [name, make] of cases) {
    it(`never throws and keeps every invariant: ${name}`, function () {
      // Bounded, not timed: the 10 MB case legitimately takes seconds on a slow machine.
      this.timeout(300_000);
      const text = make();
      const a = analyze(text, { documentDate: '2020-01-01' });
      assertWellFormed(text, a);
      assert.equal(typeof a.engineVersion, 'string');
    });
  }

  it('still finds names next to emoji with UTF-16 offsets', () => {
    const text = '🎉🎉 Vienna';
    const a = analyze(text);
    assert.equal(a.mentions[0].start, 5);
    assert.deepEqual(found(a), ['Vienna']);
  });

  it('bad options never throw', () => {
    const a = analyze('Vienna on Friday.', { documentDate: 'not a date', languageId: 'markdown', lexicon: undefined });
    assert.ok(Array.isArray(a.mentions));
    assert.equal(analyze(undefined as unknown as string).mentions.length, 0);
  });
});
