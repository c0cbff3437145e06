// Company names built from capitalised common words ("Northern Trains", "Thames Water") end in an
// industry head noun: users saw them typed as people. Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: industry head nouns make organisations', () => {
  const cases: [string, string, string[]][] = [
    ['a rail operator that speaks', 'Passengers waited, and Eastern Trains said services resumed.', ['ORG:Eastern Trains']],
    ['a compass word and "Water"', 'Bills rose after Westerly Water raised prices.', ['ORG:Westerly Water']],
    ['a demonym and "Gas" keep the demonym', 'Customers of Belgian Gas complained.', ['ORG:Belgian Gas']],
    ['"and" between two companies after "of" keeps them apart', 'Customers of Belgian Gas and Crown Mail were affected.', ['ORG:Belgian Gas', 'ORG:Crown Mail']],
    ['a first name before "Shipping" is still a company', 'The deal with Karsten Shipping collapsed.', ['ORG:Karsten Shipping']],
    ['"Logistics" and "Foods"', 'Delmar Logistics and Morrow Foods cut jobs.', ['ORG:Delmar Logistics', 'ORG:Morrow Foods']],
    ['"Capital" and "Partners" employers', 'Analysts at Greenhill Capital and Brenton Partners disagreed.', ['ORG:Greenhill Capital', 'ORG:Brenton Partners']],
    ['"Steel", "Energy" and "Media"', 'Hollis Steel, Corran Energy and Brindle Media merged.', ['ORG:Hollis Steel', 'ORG:Corran Energy', 'ORG:Brindle Media']],
    ['a person still speaks beside a company', 'Prices will rise, said Olga Brenner of Hollis Steel.', ['PERSON:Olga Brenner', 'ORG:Hollis Steel']],
    ['a product ending in "Air" is not an airline', 'Reviewers praised the Zenbook Air laptop.', []],
  ];
  itFindsTyped(cases);
});
