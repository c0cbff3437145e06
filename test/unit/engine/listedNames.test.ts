// "shipping lines including Maersk": a plural descriptor heading a list types the unknown names it
// lists, which were missed. Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, itFindsTyped, typed } from './support';

describe('engine: names listed after a plural descriptor', () => {
  const cases: [string, string, string[]][] = [
    ['"including" one company', 'Shipping lines including Vostrand diverted vessels.', ['ORG:Vostrand']],
    ['"such as" two lenders', 'Lenders such as Brindlebank and Corvala raised rates.', ['ORG:Brindlebank', 'ORG:Corvala']],
    ['"like" a three-item list', 'Companies like Drayton, Pellam and Corvala cut jobs.', ['ORG:Drayton', 'ORG:Pellam', 'ORG:Corvala']],
    ['places listed after "towns"', 'Towns including Zalavarosk and Kettlebrook were flooded.', ['PLACE:Zalavarosk', 'PLACE:Kettlebrook']],
    ['a plural that is no organisation descriptor keeps the usual reading', 'Singers like Corvala drew crowds.', ['PERSON:Corvala']],
  ];
  itFindsTyped(cases);
});

describe('engine: plural acronyms', () => {
  it('"MPs" and "NGOs" are groups, not names', () => {
    const text = 'The minister told MPs that NGOs would be consulted.';
    const a = analyze(text);
    assertWellFormed(text, a);
    assert.deepEqual(typed(a), []);
  });
});
