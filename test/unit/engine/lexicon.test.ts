import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { EMPTY_LEXICON, Lexicon } from '../../../src/core/model';
import { assertWellFormed, typed } from './support';

const lex = (l: Partial<Lexicon>): Lexicon => ({ ...EMPTY_LEXICON, ...l });

describe('engine: lexicon feedback', () => {
  it('entries are recognised everywhere, whole words only, with the given entity', () => {
    const text = 'The zorblat team met. Later zorblat fans cheered, but zorblatting is a verb.';
    const a = analyze(text, { lexicon: lex({ entries: [{ text: 'zorblat', type: 'ORG', entity: 'org:zorblat-club' }] }) });
    assertWellFormed(text, a);
    assert.deepEqual(typed(a), ['ORG:zorblat', 'ORG:zorblat']);
    assert.ok(a.mentions.every((m) => m.entity === 'org:zorblat-club' && m.source === 'lexicon'));
  });

  it('entries win over automatic mentions that overlap', () => {
    const text = 'Officials from Vienna Harbour Authority spoke.';
    const a = analyze(text, { lexicon: lex({ entries: [{ text: 'Vienna Harbour', type: 'PLACE', canonical: 'Vienna Harbour' }] }) });
    assertWellFormed(text, a);
    assert.deepEqual(typed(a), ['PLACE:Vienna Harbour']);
    assert.equal(a.mentions[0].entity, 'place:vienna-harbour');
  });

  const suppressCases: [string, Lexicon['suppress'], string[]][] = [
    ['suppress a surface form of any type', [{ text: 'Vienna' }], ['PLACE:Madrid']],
    ['suppress only the given type', [{ text: 'Vienna', type: 'ORG' }], ['PLACE:Vienna', 'PLACE:Madrid']],
    ['suppress is case-sensitive', [{ text: 'vienna' }], ['PLACE:Vienna', 'PLACE:Madrid']],
  ];
  for (const [name, suppress, expected] of suppressCases) {
    it(name, () => {
      const a = analyze('Trains ran from Vienna to Madrid.', { lexicon: lex({ suppress }) });
      assert.deepEqual(typed(a), expected);
    });
  }

  it('relabel forces a type for a surface form', () => {
    const a = analyze('Trains ran from Vienna to Madrid.', { lexicon: lex({ relabel: [{ text: 'Vienna', type: 'ORG' }] }) });
    assert.deepEqual(typed(a), ['ORG:Vienna', 'PLACE:Madrid']);
  });

  it('merges re-point entity ids after grouping', () => {
    const a = analyze('Ilse Marquardt met Tomasz Wielgus.', {
      lexicon: lex({ merges: [{ from: 'person:tomasz-wielgus', into: 'person:ilse-marquardt' }] }),
    });
    assert.ok(a.mentions.every((m) => m.entity === 'person:ilse-marquardt'));
    assert.equal(a.entities.length, 1);
    assert.deepEqual(a.entities[0].aliases, ['Tomasz Wielgus']);
  });
});
