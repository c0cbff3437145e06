// A capitalised preposition inside a name ("Without", "For", "Against") marks a title-case
// organisation name, even when the sentence opens with it. Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: title-case organisation names', () => {
  const cases: [string, string, string[]][] = [
    ['mid-sentence', 'A spokesman for Nurses Without Frontiers said.', ['ORG:Nurses Without Frontiers']],
    ['opening the sentence', 'Engineers Against Poverty opened an office.', ['ORG:Engineers Against Poverty']],
    ['a lower-case preposition is no name', 'Doctors without borders of any kind worked there.', []],
  ];
  itFindsTyped(cases);
});
