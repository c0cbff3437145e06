// "the Social and Economic Council": two capitalised qualifiers sharing one organisation head are
// one name; users saw only its second half. Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: "and" between qualifiers of one organisation head', () => {
  const cases: [string, string, string[]][] = [
    ['adjective and adjective', 'Mediation by the Cultural and Economic Council failed.', ['ORG:Cultural and Economic Council']],
    ['noun and noun', 'Approval by the Timber and Paper Administration came late.', ['ORG:Timber and Paper Administration']],
    ['plural nouns', 'A complaint to the Bonds and Exchange Commission was filed.', ['ORG:Bonds and Exchange Commission']],
    ['two places stay apart', 'Talks between the Vienna and Madrid offices failed.', ['PLACE:Vienna', 'PLACE:Madrid']],
    ['a given name stays apart', 'Gifts went to the Anna and Petrov Foundation.', ['PERSON:Anna', 'ORG:Petrov Foundation']],
    ['without "the" nothing is joined', 'Farmers and Growers Union members marched.', ['ORG:Growers Union']],
  ];
  itFindsTyped(cases);
});
