// Direct quotes in every quotation style, quotes over several paragraphs, and what is not a
// quote (scare quotes, titles, mottos). Sentences are invented for these tests.
import assert from 'node:assert/strict';
import { described, quotesOf } from './support';

describe('quotes: quotation styles', () => {
  const styles: [string, string][] = [
    ['curly double', '“We will rebuild the bridge,” said Maria Lindqvist.'],
    ['straight double', '"We will rebuild the bridge," said Maria Lindqvist.'],
    ['curly single', '‘We will rebuild the bridge,’ said Maria Lindqvist.'],
    ['guillemets', '«We will rebuild the bridge,» said Maria Lindqvist.'],
    ['low-high (German)', '„We will rebuild the bridge,“ said Maria Lindqvist.'],
  ];
  for (const [name, text] of styles) {
    it(`finds a ${name} quote and its speaker`, () => {
      const [q, ...rest] = quotesOf(text);
      assert.equal(rest.length, 0, described(text).join('\n'));
      assert.equal(q.kind, 'direct');
      assert.equal(q.speaker, 'person:maria-lindqvist');
      assert.match(q.text, /^.We will rebuild the bridge,.$/);
      assert.equal(text.slice(q.start, q.end), q.text);
      assert.equal(text.slice(q.cue.start, q.cue.end), 'said');
    });
  }

  it('keeps an apostrophe inside a single-quoted quote', () => {
    const text = '‘We’re not leaving,’ said Maria Lindqvist.';
    assert.deepEqual(described(text), ['direct person:maria-lindqvist: ‘We’re not leaving,’']);
  });

  it('takes a colon after a reporting verb as the cue', () => {
    const text = 'The union leader Tomas Berg said: “Nobody here wants a strike.”';
    assert.deepEqual(described(text), ['direct person:tomas-berg: “Nobody here wants a strike.”']);
  });

  it('runs a quote over several paragraphs until the mark closes', () => {
    const text = 'Maria Lindqvist said: “The first span is finished.\n\n“The second span starts next spring.\n\n“Nobody will pay a toll.”\n\nTraffic resumed on Monday.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1, described(text).join('\n'));
    assert.equal(quotes[0].speaker, 'person:maria-lindqvist');
    assert.ok(quotes[0].text.startsWith('“The first span') && quotes[0].text.endsWith('toll.”'), quotes[0].text);
  });

  it('leaves scare quotes, titles and mottos alone', () => {
    const texts = [
      'The so-called “peace dividend” never arrived in the valley.',
      'The city motto "Semper Fidelis" is painted on the town hall.',
      'Crowds queued for the film "Northern Lights" in Oslo on Friday.',
      'The plan was a “success” by any measure.',
    ];
    for (const t of texts) assert.deepEqual(described(t), [], t);
  });
});
