// Clubs, teams and papers named after a place ("a city + United", "FC + a city") were typed PLACE
// by the gazetteer. Sentences and club names are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: organisations named after a place', () => {
  const cases: [string, string, string[]][] = [
    ['a city and a common word make a club', 'The champions lost to Lyon United at home.', ['ORG:Lyon United']],
    ['a city and an acronym make a club', 'He signed for Madrid HC in the spring.', ['ORG:Madrid HC', 'DATE:the spring']],
    ['an acronym before a city makes a club', 'He scored twice for FC Leipzig on Sunday.', ['ORG:FC Leipzig', 'DATE:Sunday']],
    ['a region of a place stays a place', 'Rain fell across Northern Spain and Greater London.', ['PLACE:Northern Spain', 'PLACE:Greater London']],
    ['a landmark named after a city stays a place', 'Tourists queued at the Berlin Memorial.', ['PLACE:Berlin Memorial']],
    ['a postcode after a city is an address, not a club', 'Send it to London E5 by Friday.', ['PLACE:London E5', 'DATE:Friday']],
  ];
  itFindsTyped(cases);
});
