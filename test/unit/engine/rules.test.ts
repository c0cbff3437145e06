import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, entityOf, found, itFindsTyped, typed } from './support';

describe('engine: name rules', () => {
  const cases: [string, string, string[]][] = [
    ['particle al-', 'The cleric Abu Hamza al-Tamimi was detained.', ['PERSON:Abu Hamza al-Tamimi']],
    ['particle bin', 'Officials said Khalid bin Rashed would attend.', ['PERSON:Khalid bin Rashed']],
    ['particles van / von', 'Judge Pieter van der Berg met Anna von Stein.', ['PERSON:Pieter van der Berg', 'PERSON:Anna von Stein']],
    ['particle de la', 'The guide Jean de la Fontaine smiled.', ['PERSON:Jean de la Fontaine']],
    ['org cue: Agency', 'The Coastal Protection Agency issued a warning.', ['ORG:Coastal Protection Agency']],
    ['org cue: Ministry of', 'The Ministry of Fisheries closed the port.', ['ORG:Ministry of Fisheries']],
    ['org cue: Inc.', 'Shares in Brambleworth Inc. fell.', ['ORG:Brambleworth Inc.']],
    ['org cue: Party', 'The Green Dawn Party won seats.', ['ORG:Green Dawn Party']],
    ['person cue: said X', 'The plan is sound, said Tomasz Wielgus.', ['PERSON:Tomasz Wielgus']],
    ['person cue: apposition', 'Ilse Marquardt, a spokeswoman for the group, declined.', ['PERSON:Ilse Marquardt']],
    ['news agency', 'The figures were confirmed to Reuters by officials.', ['ORG:Reuters']],
    ['sentence-initial common word is not a name', 'Unlike Brambleworth Inc., others held steady.', ['ORG:Brambleworth Inc.']],
    ['venue cue makes a place', 'Crowds gathered outside the Moonlit Harbour cafe.', ['PLACE:Moonlit Harbour']],
    ['country plus "government" is the country', 'The Canadian plan and the Canada government agreed.', ['PLACE:Canada']],
    ['currency prefix is not a country', 'It costs US$40 million.', []],
    ['treaties are not entities', 'The Lisbon Treaty was signed.', []],
    ['a maker inside a product name is not an organisation', 'The airline ordered ten Boeing 777-300 jets.', []],
    ['a known organisation heading a longer name', 'Shares of Apple Computer rose.', ['ORG:Apple Computer']],
    ['an employer before a title is an organisation', 'The plan works, said Brindle analyst Tomasz Wielgus.', ['ORG:Brindle', 'PERSON:Tomasz Wielgus']],
    ['a role alone names nobody', 'The Chief Operating Officer resigned.', []],
    ['a regional branch of a known organisation', 'Troops fought al Qaeda in the Arabian Peninsula for years.', ['ORG:al Qaeda in the Arabian Peninsula']],
    ['a broadcaster is a place name and a number', 'A journalist for France 24 reported it.', ['ORG:France 24']],
    ['financial indices are not organisations', 'The Dow Jones fell while the FTSE 100 rose.', []],
    ['capitalised common nouns are not a person', 'Apps are sold in the Music Store online.', []],
    ['"of" between a person and an organisation splits them', 'Ilse Marquardt of the Coastal Protection Agency spoke.', ['PERSON:Ilse Marquardt', 'ORG:Coastal Protection Agency']],
    ['"X of Y" stays one name after an organisation head', 'The Bank of Lisbon raised rates.', ['ORG:Bank of Lisbon']],
    ['"and" inside an organisation name', 'The Federation of Miners and Metal Workers Unions met.', ['ORG:Federation of Miners and Metal Workers Unions']],
    ['"and" between two names keeps them apart', 'Trains ran between Vienna and Madrid.', ['PLACE:Vienna', 'PLACE:Madrid']],
    ['a lower-case role before a name', 'The report, said chief inspector Olga Brenner, was late.', ['PERSON:Olga Brenner']],
    ['an ALL-CAPS dateline city is the place', 'OSLO (Reuters) - Talks resumed.', ['PLACE:OSLO', 'ORG:Reuters']],
    ['a title closing a run stays outside the employer', 'Brindle CEO, Olga Brenner, spoke.', ['ORG:Brindle', 'PERSON:Olga Brenner']],
    ['a known maker before a model name is a product', 'Dealers praised the new Toyota Corolla design.', []],
    ['holidays are not people (a holiday is a date)', 'Sales rose over Christmas and New Year in the shops.', ['DATE:Christmas']],
    ['a country before "dollars" is a currency', 'It cost 12 US dollars at the door.', []],
    ['a lower-case descriptor types the name after it', 'Shares of engine maker Veltrona Dyne rose.', ['ORG:Veltrona Dyne']],
    ['the employer after "title of"', 'The CEO of Brindle Aero Planes, Olga Brenner, spoke.', ['ORG:Brindle Aero Planes', 'PERSON:Olga Brenner']],
    ['place-first words make venues', 'Crowds filled the Palais des Nations.', ['PLACE:Palais des Nations']],
  ];
  itFindsTyped(cases);

  it('the first word of an organisation refers back to it', () => {
    const a = analyze('The contract went to Harrowgate Aerospace Systems. Later Harrowgate appealed.');
    const full = a.mentions.find((m) => m.text === 'Harrowgate Aerospace Systems');
    const head = a.mentions.find((m) => m.text === 'Harrowgate');
    assert.equal(full?.type, 'ORG');
    assert.equal(head?.entity, full?.entity);
  });

  it('"City of X" is the same place as X, and an organisation head joins the full name', () => {
    const a = analyze('The City of Lyon thanked Harrowgate Aerospace Systems. Lyon and Harrowgate signed.');
    assert.equal(entityOf(a, 'City of Lyon'), entityOf(a, 'Lyon'));
    assert.equal(entityOf(a, 'Harrowgate'), entityOf(a, 'Harrowgate Aerospace Systems'));
  });

  it('a city that is also a surname follows the person', () => {
    const a = analyze('President Harold Obama spoke. Obama then left.');
    assert.deepEqual(typed(a), ['PERSON:Harold Obama', 'PERSON:Obama']);
  });

  it('demonyms are not places, and names match only whole words', () => {
    const a = analyze('French and Syrian officials met Parisian leaders in Syria.');
    assert.deepEqual(typed(a), ['PLACE:Syria']);
  });

  it('ALL-CAPS headlines do not turn every word into a name', () => {
    const text = 'FLOODS FORCE THOUSANDS FROM HOMES IN VIENNA\n\nRain fell in Vienna on Monday.';
    const a = analyze(text, { documentDate: '2020-01-01' });
    assertWellFormed(text, a);
    assert.deepEqual(found(a, 'PERSON'), []);
    assert.deepEqual(found(a, 'ORG'), []);
  });

  it('places carry gazetteer data', () => {
    const a = analyze('Delegates flew from Nairobi to Japan.');
    const nairobi = a.entities.find((e) => e.canonical === 'Nairobi');
    assert.equal(nairobi?.geo?.kind, 'city');
    assert.equal(nairobi?.geo?.countryCode, 'KE');
    assert.ok(typeof nairobi?.geo?.lat === 'number' && typeof nairobi?.geo?.lon === 'number');
    const japan = a.entities.find((e) => e.canonical === 'Japan');
    assert.equal(japan?.geo?.kind, 'country');
    assert.equal(japan?.geo?.countryCode, 'JP');
  });

  it('country abbreviations group with the country', () => {
    const a = analyze('The United States and the U.S. Navy agreed. U.S. officials said so.');
    const ids = new Set(a.mentions.filter((m) => m.text === 'U.S.' || m.text === 'United States').map((m) => m.entity));
    assert.deepEqual([...ids], ['place:united-states']);
  });

  it('entity ids are stable across runs and documents', () => {
    const one = analyze('Investigators named Karim Belhadj.');
    const two = analyze('Yesterday Karim Belhadj was seen in Oslo.');
    assert.equal(one.mentions[0].entity, 'person:karim-belhadj');
    assert.equal(two.mentions.find((m) => m.type === 'PERSON')?.entity, 'person:karim-belhadj');
  });
});
