// Mixed and indirect quotes and who said them: named speakers, pronouns and roles resolved to
// the nearest compatible entity, organisations, "according to". Sentences are invented.
import assert from 'node:assert/strict';
import { described, quotesOf } from './support';

describe('quotes: kinds and attribution', () => {
  it('joins a quote split by its cue into one mixed quote', () => {
    const text = '“The river is rising,” Maria Lindqvist said, “and the levees are old.”';
    assert.deepEqual(described(text), ['mixed person:maria-lindqvist: “The river is rising,” Maria Lindqvist said, “and the levees are old.”']);
  });

  it('reads quoted words inside reported speech as a mixed quote', () => {
    const text = 'Maria Lindqvist said the repairs were “months behind schedule.”';
    assert.deepEqual(described(text), ['mixed person:maria-lindqvist: the repairs were “months behind schedule.”']);
  });

  it('finds indirect speech after said that, warned, told and claimed', () => {
    const cases: [string, string][] = [
      ['Maria Lindqvist said that the bridge would reopen in May.', 'indirect person:maria-lindqvist: the bridge would reopen in May'],
      ['The Baltic Shipping Council warned that freight rates would double.', 'indirect org:baltic-shipping-council: freight rates would double'],
      ['Tomas Berg told reporters that the strike was over.', 'indirect person:tomas-berg: the strike was over'],
      ['Tomas Berg claimed the count had been rigged.', 'indirect person:tomas-berg: the count had been rigged'],
    ];
    for (const [text, want] of cases) assert.deepEqual(described(text), [want], text);
  });

  it('finds a postposed cue and an "according to" source', () => {
    assert.deepEqual(described('Freight volumes fell by a third in March, the Baltic Shipping Council said on Monday.'), [
      'indirect org:baltic-shipping-council: Freight volumes fell by a third in March',
    ]);
    assert.deepEqual(described('According to the economist Tomas Berg, the port will lose its biggest customer.'), [
      'indirect person:tomas-berg: the port will lose its biggest customer',
    ]);
  });

  it('resolves "he" to the nearest person before the cue', () => {
    const text = 'Prime Minister Tomas Berg visited the port on Tuesday. Speaking to dock workers, he said that “no job will be lost.”';
    const [q] = quotesOf(text);
    assert.equal(q?.speaker, 'person:tomas-berg', described(text).join('\n'));
  });

  it('resolves a role to the person the text introduced with it', () => {
    const text = 'The ministry’s spokesman Tomas Berg arrived late. Later the spokesman said that talks would resume.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1, described(text).join('\n'));
    assert.equal(quotes[0].speaker, 'person:tomas-berg');
  });

  it('skips a relative clause and a prepositional complement to find the subject', () => {
    assert.equal(quotesOf('Maria Lindqvist, who chaired the talks for the Baltic Shipping Council, said the deal was fair.')[0]?.speaker, 'person:maria-lindqvist');
    assert.equal(quotesOf('Maria Lindqvist of the Baltic Shipping Council said the deal was fair.')[0]?.speaker, 'person:maria-lindqvist');
  });

  it('leaves a quote unattributed when nobody compatible is named', () => {
    const text = 'Somebody said that the gates would close at noon.';
    const [q] = quotesOf(text);
    assert.equal(q?.kind, 'indirect');
    assert.equal(q?.speaker, null);
  });

  it('does not read nouns or passives as cues', () => {
    for (const t of ['The report found that the gates had failed.', 'The tower is said to be haunted by sailors.', 'Said Karimi arrived in Lyon on Monday.']) {
      assert.deepEqual(described(t), [], t);
    }
  });

  it('finds quotes inside Markdown with exact offsets into the raw text', () => {
    const text = '---\ntitle: Port\n---\n\n# Port strike\n\n**Tomas Berg** said the strike was *over*.\n\n```\nMaria Lindqvist said "nothing" here.\n```\n';
    const quotes = quotesOf(text, 'markdown');
    assert.equal(quotes.length, 1, described(text, 'markdown').join('\n'));
    assert.equal(text.slice(quotes[0].start, quotes[0].end), quotes[0].text);
    assert.equal(quotes[0].text, 'the strike was *over*');
    assert.equal(quotes[0].speaker, 'person:tomas-berg');
  });
});
