// Organisation cues users saw missed: "Air" inside an airline's name ("Air Portugal" was the
// country) and a kind of organisation written after the name ("Lusa news agency" was a person).
// Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: airline names and organisation nouns after a name', () => {
  const cases: [string, string, string[]][] = [
    ['"Air" and a country', 'Crews at Air Moldova walked out.', ['ORG:Air Moldova']],
    ['a code, "Air" and a country', 'Crews at TAQ Air Moldova walked out.', ['ORG:TAQ Air Moldova']],
    ['"Air" opening a sentence', 'Air Moldova has ordered ten jets.', ['ORG:Air Moldova']],
    ['a news agency after a speech verb', 'The minister told Vortana news agency that talks failed.', ['ORG:Vortana']],
    ['a charity after the name', 'Volunteers from the Harbour Kitchens charity helped.', ['ORG:Harbour Kitchens']],
    ['a category before "manufacturer" is not a name', 'Aircraft manufacturer Corvala posted a loss.', ['ORG:Corvala']],
  ];
  itFindsTyped(cases);
});
