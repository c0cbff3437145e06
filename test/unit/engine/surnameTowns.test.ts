// A small town that shares its name with a family ("Campbell", "Rogers") was read as the town
// whenever the name stood alone, so "Campbell scored twice" put a city on the map. Alone, with no
// cue for a place, such a name is the person; a locative preposition, a state after a comma or a
// place noun keeps the town. Large cities and countries are never read as surnames.
// Sentences are invented for these tests.
import { itFindsTyped } from './support';

describe('engine: surnames that are also small towns', () => {
  const cases: [string, string, string[]][] = [
    ['the subject of a verb', 'Campbell scored twice for the visitors.', ['PERSON:Campbell']],
    ['the subject of a speech verb', 'Rogers told reporters the plan would fail.', ['PERSON:Rogers']],
    ['after a locative preposition', 'The plant in Campbell employs 300 workers.', ['PLACE:Campbell']],
    ['followed by a comma and a state', 'Campbell, California, approved the budget.', ['PLACE:Campbell', 'PLACE:California']],
    ['a place noun after it', 'Rogers residents voted against the plan.', ['PLACE:Rogers']],
    ['a large city stays a city', 'Lincoln approved a new stadium.', ['PLACE:Lincoln']],
    ['after a place and a comma', 'Flights left Everett, Rogers and Seattle.', ['PLACE:Everett', 'PLACE:Rogers', 'PLACE:Seattle']],
  ];
  itFindsTyped(cases);
});
