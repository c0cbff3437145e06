// The word after a dateline dash opens the story's first sentence: its capital says nothing about
// names ("LISBON — Cabin crew ..." showed "Cabin" as an organisation). Sentences are invented.
import { itFindsTyped } from './support';

describe('engine: the word after a dateline dash', () => {
  const cases: [string, string, string[]][] = [
    ['em dash', 'OSLO — Cabin crew walked out at dawn.', ['PLACE:OSLO']],
    ['en dash', 'OSLO – Cabin crew walked out at dawn.', ['PLACE:OSLO']],
    ['a name after the dash is still found', 'OSLO — Ilse Marquardt resigned at dawn.', ['PLACE:OSLO', 'PERSON:Ilse Marquardt']],
  ];
  itFindsTyped(cases);
});
