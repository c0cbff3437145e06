// Quotes as timeline events, read from a real index over the real engine: dated by a date in
// the quote's sentence, else by the document's date. Texts are invented.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { quoteEvents } from '../../../src/core/corpus/quoteEvents';
import { buildQuoteTimeline } from '../../../src/core/corpus/quoteTimeline';
import { openTestIndex } from '../index/fakes';

describe('quotes: timeline events', () => {
  it('dates a quote by its sentence, else by the document date', async () => {
    const { index } = await openTestIndex(
      {
        'port.md': '---\ndate: 2024-02-10\n---\n\nTomas Berg said on March 3, 2024 that the gates would close.\n\n"Nobody wants a strike," said Maria Lindqvist.\n',
      },
      { analyze: (text: string) => analyze(text), engineVersion: 'engine-test' },
    );
    try {
      const { events, undated } = quoteEvents(index);
      assert.equal(undated, 0);
      assert.deepEqual(
        events.map((e) => [e.value, e.dateFrom, e.speaker, e.at.line]),
        [
          ['2024-02-10', 'document', 'person:maria-lindqvist', 6],
          ['2024-03-03', 'sentence', 'person:tomas-berg', 4],
        ],
      );
    } finally {
      index.dispose();
    }
  });

  it('the timeline shows quotes only with its toggle on, narrowed to a focused speaker, corrections applied', async () => {
    const text = '---\ndate: 2024-02-10\n---\n\nTomas Berg said on March 3, 2024 that the gates would close.\n\n"Nobody wants a strike," said Maria Lindqvist.\n';
    const { index } = await openTestIndex({ 'port.md': text }, { analyze: (t: string) => analyze(t), engineVersion: 'engine-test' });
    try {
      const off = buildQuoteTimeline(index);
      assert.deepEqual([off.showQuotes, off.quotes.length, off.quoteCount], [false, 0, 2]);
      assert.ok(off.events.length > 0, 'the dates are there either way');
      const on = buildQuoteTimeline(index, { quotes: true });
      assert.deepEqual(on.quotes.map((q) => q.speakerName), ['Maria Lindqvist', 'Tomas Berg']);
      assert.equal(on.range?.start, '2024-02-10');
      const focused = buildQuoteTimeline(index, { quotes: true, entity: 'person:tomas-berg' });
      assert.deepEqual(focused.quotes.map((q) => q.speaker), ['person:tomas-berg']);
      const at = text.indexOf('Nobody');
      await index.annotate({ kind: 'notQuote', path: 'port.md', start: at, end: at });
      assert.deepEqual(buildQuoteTimeline(index, { quotes: true }).quotes.map((q) => q.speakerName), ['Tomas Berg']);
    } finally {
      index.dispose();
    }
  });
});
