// Surnames with particles ("de Vries", "van der Berg") used alone after the full name: users saw
// them as separate people, or cut to their last word. Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, entityOf, typed } from './support';

describe('engine: surnames with particles', () => {
  const cases: [string, string, string, string][] = [
    ['"de" surname quoted', 'Negotiator Liesbeth de Jong spoke. "No deal," de Jong told reporters.', 'Liesbeth de Jong', 'de Jong'],
    ['"van der" after a sentence opener', 'Judge Pieter van der Berg ruled. Later van der Berg said no.', 'Pieter van der Berg', 'van der Berg'],
    ['"von" surname', 'Anna von Stein arrived. Hours later von Stein left.', 'Anna von Stein', 'von Stein'],
  ];
  for (const [name, text, full, short] of cases) {
    it(name, () => {
      const a = analyze(text);
      assertWellFormed(text, a);
      assert.ok(typed(a).includes(`PERSON:${short}`), JSON.stringify(typed(a)));
      assert.equal(entityOf(a, short), entityOf(a, full));
    });
  }

  it('a capitalised role opening a sentence stays outside the name', () => {
    const a = analyze('Mediator Liesbeth de Jong spoke first.');
    assert.deepEqual(typed(a), ['PERSON:Liesbeth de Jong']);
  });
});
