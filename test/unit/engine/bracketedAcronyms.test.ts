// Organisation heads before "of" keep one name, and a bracketed acronym after "the <Organisation>"
// names it even when its letters come from another language. Sentences are invented for these tests.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, entityOf, itFindsTyped, typed } from './support';

describe('engine: organisation heads and bracketed acronyms', () => {
  const heads: [string, string, string[]][] = [
    ['a confederation of a demonym noun', 'The Confederation of Coastal Industry said costs would rise.', ['ORG:Confederation of Coastal Industry']],
    ['an association of a plural', 'The Association of Harbour Pilots met on Monday.', ['ORG:Association of Harbour Pilots', 'DATE:Monday']],
    ['friends of the something', 'Friends of the Marshes filed a complaint.', ['ORG:Friends of the Marshes']],
  ];
  itFindsTyped(heads, { documentDate: '2024-05-08' });

  it('"the X (ABC)" makes ABC an alias of X even when the initials differ', () => {
    const text = 'Talks with the Federation of Estuary Workers (VBR) stalled. The VBR called a strike.';
    const a = analyze(text);
    assertWellFormed(text, a);
    assert.equal(entityOf(a, 'VBR'), entityOf(a, 'Federation of Estuary Workers'));
  });

  it('a bracketed capital after a person is not an alias', () => {
    const text = 'Senator Mara Quill (D) voted against the bill.';
    const a = analyze(text);
    assert.ok(!a.mentions.some((m) => m.text === 'D'), JSON.stringify(typed(a)));
  });
});
