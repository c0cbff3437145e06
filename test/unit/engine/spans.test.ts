import { itFindsTyped } from './support';

describe('engine: exact spans', () => {
  const cases: [string, string, string[]][] = [
    ['trailing punctuation stays outside', 'The talks ended in Madrid.', ['PLACE:Madrid']],
    ['possessive is outside', "Officials praised Maria Lindqvist's plan.", ['PERSON:Maria Lindqvist']],
    ['curly possessive is outside', 'We read Maria Lindqvist’s plan.', ['PERSON:Maria Lindqvist']],
    ['leading "in" stays outside', 'The strike began in Lisbon on Monday.', ['PLACE:Lisbon', 'DATE:Monday']],
    ['leading "the" stays outside a name', 'A report by the World Health Organization was published.', ['ORG:World Health Organization']],
    ['titles stay outside the person', 'U.S. President Harold Benning spoke.', ['PLACE:U.S.', 'PERSON:Harold Benning']],
    ['role before a name', 'Prime Minister Olga Brenner resigned.', ['PERSON:Olga Brenner']],
    ['quotes stay outside', 'He named it "Lisbon" in the book.', ['PLACE:Lisbon']],
  ];
  itFindsTyped(cases, { documentDate: '2020-06-10' });
});
