// Quotes as timeline events, read from a real index over the real engine: dated by a date in
// the quote's sentence, else by the document's date. Texts are invented.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { quoteEvents } from '../../../src/core/corpus/quoteEvents';
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
});
