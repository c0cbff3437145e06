// An unknown acronym that reports, says or is quoted is an organisation; one that is merely
// mentioned (a chemical, a format) is not. Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, typed } from './support';

describe('engine: acronyms as news sources', () => {
  const cases: [string, string, string[]][] = [
    ['"…, ABC reported"', 'Grain prices fell again, KXTV reported.', ['ORG:KXTV']],
    ['"according to ABC"', 'The vote was delayed, according to RNZT.', ['ORG:RNZT']],
    ['"an analyst at ABC said"', 'Exports rose, an analyst at QVB said.', ['ORG:QVB']],
    ['a mentioned acronym stays out', 'The plant leaked PCB into the river.', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const a = analyze(text);
      assertWellFormed(text, a);
      assert.deepEqual(typed(a), expected);
    });
  }
});
