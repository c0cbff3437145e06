import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { isAcronymOf } from '../../../src/core/engine/consistency';
import { assertWellFormed, entityOf, found } from './support';

describe('engine: document-level consistency and acronyms', () => {
  it('a surname alone refers back to the full name', () => {
    const text = 'Investigators named Karim Belhadj as the organiser. Belhadj had travelled widely.';
    const a = analyze(text);
    assertWellFormed(text, a);
    assert.deepEqual(found(a, 'PERSON'), ['Karim Belhadj', 'Belhadj']);
    assert.equal(entityOf(a, 'Belhadj'), entityOf(a, 'Karim Belhadj'));
    const e = a.entities.find((x) => x.id === entityOf(a, 'Belhadj'));
    assert.equal(e?.canonical, 'Karim Belhadj');
    assert.deepEqual(e?.aliases, ['Belhadj']);
  });

  it('a first name alone refers back to the full name', () => {
    const a = analyze('Police sought Yannick Morvan on Monday. Officers said Yannick had left.');
    assert.equal(entityOf(a, 'Yannick'), entityOf(a, 'Yannick Morvan'));
  });

  it('a name found once is found everywhere in the document', () => {
    const a = analyze('Talks were hosted by Orvalis Group in the capital.\n\nLater Orvalis Group declined to comment.');
    assert.deepEqual(found(a, 'ORG'), ['Orvalis Group', 'Orvalis Group']);
  });

  const acronyms: [string, string, string, string][] = [
    ['parenthesised "also known as"', 'The Northern Liberation Front (also known as NLF) claimed it. The NLF later denied it.', 'Northern Liberation Front', 'NLF'],
    ['"the X (ABC)"', 'A report by the Federal Office of Statistics (FOS) said so. FOS data agree.', 'Federal Office of Statistics', 'FOS'],
    ['an acronym of the first words, in parentheses', 'The Union of Harbour Pilots and Dock Workers Associations (UHP) objected. UHP members left.', 'Union of Harbour Pilots and Dock Workers Associations', 'UHP'],
    ['French function words in initials', 'The Direction Nationale de la Sûreté Portuaire was reformed. The DNSP then hired staff.', 'Direction Nationale de la Sûreté Portuaire', 'DNSP'],
  ];
  for (const [name, text, full, short] of acronyms) {
    it(`acronym: ${name}`, () => {
      const a = analyze(text);
      assertWellFormed(text, a);
      assert.ok(found(a, 'ORG').includes(full), JSON.stringify(found(a)));
      assert.ok(found(a, 'ORG').includes(short), JSON.stringify(found(a)));
      assert.equal(entityOf(a, short), entityOf(a, full));
    });
  }

  const initials: [string, string, boolean][] = [
    ['DGSN', 'Direction Générale de la Sûreté Nationale', true],
    ['FBI', 'Federal Bureau of Investigation', true],
    ['WHO', 'World Health Organization', true],
    ['ABC', 'World Health Organization', false],
    ['X', 'Xylophone Xperts', false],
  ];
  for (const [acronym, name, expected] of initials) {
    it(`initials: ${acronym} ${expected ? 'matches' : 'does not match'} ${name}`, () => assert.equal(isAcronymOf(acronym, name), expected));
  }

  it('the same surface form gets a single type in a document', () => {
    const a = analyze('Analysts at Corvane Holdings were upbeat. Corvane Holdings shares rose.');
    assert.deepEqual(new Set(a.mentions.filter((m) => m.text === 'Corvane Holdings').map((m) => m.type)), new Set(['ORG']));
  });
});
