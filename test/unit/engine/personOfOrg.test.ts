// "<Person> of <Organisation>" is two names only when the part before "of" is a person: a given
// name, a name the tagger knows, or a name the document uses for a person elsewhere.
// Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { entityOf, itFindsTyped, typed } from './support';

describe('engine: a person "of" an organisation', () => {
  const cases: [string, string, string[]][] = [
    ['given name, "of the"', 'Amina Keita of the Global Hydrology Organization warned.', ['PERSON:Amina Keita', 'ORG:Global Hydrology Organization']],
    ['given name and a surname that is a place word', 'Andrew Hall of Eastern Trains said the line was safe.', ['PERSON:Andrew Hall', 'ORG:Eastern Trains']],
    ['a lower-case role before the person', 'Chief inspector Olga Park of the Harbour Authority spoke.', ['PERSON:Olga Park', 'ORG:Harbour Authority']],
    ['an unknown foreign name', 'Ilse Marquardt of the Coastal Protection Agency spoke.', ['PERSON:Ilse Marquardt', 'ORG:Coastal Protection Agency']],
    ['a surname named in full earlier in the document', 'Amina Keita spoke first. Later Keita of the WMO agreed.', ['PERSON:Amina Keita', 'PERSON:Keita', 'ORG:WMO']],
    ['what a person is "of" is an employer even before a speech verb', 'Chief executive Jonathan Brearley of Ofvana told reporters the cap would rise.', ['PERSON:Jonathan Brearley', 'ORG:Ofvana']],
    ['a plural common noun before "of" keeps one name', 'Members of Friends of the Marshes protested.', []],
    ['an organisation head keeps "X of Y"', 'The Bank of Lisbon raised rates.', ['ORG:Bank of Lisbon']],
  ];
  itFindsTyped(cases);

  it('the split surname groups with the full name', () => {
    const a = analyze('Amina Keita spoke first. Later Keita of the WMO agreed.');
    assert.equal(entityOf(a, 'Keita'), entityOf(a, 'Amina Keita'));
  });

  it('a common noun before "of" is not split off as a person', () => {
    const a = analyze('Crowds filled the Museum of Coastal Art on Sunday.');
    assert.ok(!a.mentions.some((m) => m.type === 'PERSON'), JSON.stringify(typed(a)));
    assert.ok(!a.mentions.some((m) => m.text === 'Museum'), JSON.stringify(typed(a)));
  });
});
