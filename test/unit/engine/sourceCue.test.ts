// An unknown acronym that reports, says or is quoted is an organisation; one that is merely
// mentioned (a chemical, a format) is not. Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: acronyms as news sources', () => {
  const cases: [string, string, string[]][] = [
    ['"…, ABC reported"', 'Grain prices fell again, KXTV reported.', ['ORG:KXTV']],
    ['"according to ABC"', 'The vote was delayed, according to RNZT.', ['ORG:RNZT']],
    ['"an analyst at ABC said"', 'Exports rose, an analyst at QVB said.', ['ORG:QVB']],
    ['a mentioned acronym stays out', 'The plant leaked PCB into the river.', []],
  ];
  itFindsTyped(cases);
});
