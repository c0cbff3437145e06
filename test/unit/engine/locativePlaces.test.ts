// Small towns the gazetteer lacks ("crews in Szentendre") were missed. An unknown capitalised word
// after "in", "near", "outside" or "around", or joined by "and"/"or" to a known city or country,
// is a place, unless the document names a person so.
// Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { entityOf, itFindsTyped, typed } from './support';

describe('engine: unknown words after a locative preposition', () => {
  const cases: [string, string, string[]][] = [
    ['"in" before a preposition', 'Crews worked in Zalavarosk on the levees.', ['PLACE:Zalavarosk']],
    ['"near" before a comma', 'The dam burst near Kettlebrook, officials said.', ['PLACE:Kettlebrook']],
    ['"outside" at the end of a sentence', 'Protesters gathered outside Dunmarrow.', ['PLACE:Dunmarrow']],
    ['a modifier noun after the word is not a place', 'She studied in Zalavarosk classes.', []],
    ['a possessive is not a place', 'Faith in Zalavarosk\'s plan faded.', []],
    ['a religion is not a place', 'Few believe in Zoroastrianism there.', []],
    ['coordinated with a known city', 'The strike hit Lisbon and Zalavarosk on Monday.', ['PLACE:Lisbon', 'PLACE:Zalavarosk', 'DATE:Monday']],
    ['coordinated before a known country', 'Ships sailed to Zalavarosk or Norway.', ['PLACE:Zalavarosk', 'PLACE:Norway']],
    ['a place word inside a longer name does not count', 'Boeing and Lockheed Martin and Vortana bid.', ['ORG:Boeing', 'ORG:Lockheed Martin']],
    ['"shares in" names a company, not a place', 'Shares in Corvala, owner of the mill, fell.', []],
  ];
  itFindsTyped(cases);

  it('a surname named in full elsewhere stays that person', () => {
    const a = analyze('Karim Belhadj arrived. Officials said they trusted in Belhadj for years.');
    assert.ok(typed(a).includes('PERSON:Belhadj'), JSON.stringify(typed(a)));
    assert.equal(entityOf(a, 'Belhadj'), entityOf(a, 'Karim Belhadj'));
  });
});
