// The word after a dateline dash opens the story's first sentence: its capital says nothing about
// names ("LISBON — Cabin crew ..." showed "Cabin" as an organisation). Sentences are invented.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, typed } from './support';

describe('engine: the word after a dateline dash', () => {
  const cases: [string, string, string[]][] = [
    ['em dash', 'OSLO — Cabin crew walked out at dawn.', ['PLACE:OSLO']],
    ['en dash', 'OSLO – Cabin crew walked out at dawn.', ['PLACE:OSLO']],
    ['a name after the dash is still found', 'OSLO — Ilse Marquardt resigned at dawn.', ['PLACE:OSLO', 'PERSON:Ilse Marquardt']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const a = analyze(text);
      assertWellFormed(text, a);
      assert.deepEqual(typed(a), expected);
    });
  }
});
