// Sentence and paragraph boundaries: what counts as "named together".
import * as assert from 'node:assert/strict';
import { lineAt, lineStarts, segmentText } from '../../../src/core/corpus/sentences';

function sentences(text: string, mentions: string[] = []): string[] {
  const spans = mentions.map((m) => ({ start: text.indexOf(m), end: text.indexOf(m) + m.length }));
  return segmentText(text, spans).sentences.map((s) => text.slice(s.start, s.end));
}

describe('corpus: sentences', () => {
  const cases: { name: string; text: string; mentions?: string[]; expect: string[] }[] = [
    { name: 'two plain sentences', text: 'Ana met Ben. Carl left.', expect: ['Ana met Ben.', 'Carl left.'] },
    { name: 'question and exclamation', text: 'Who won? Nobody! Then rain.', expect: ['Who won?', 'Nobody!', 'Then rain.'] },
    { name: 'closing quote stays with its sentence', text: '"We asked," she said. "No." He left.', expect: ['"We asked," she said.', '"No."', 'He left.'] },
    { name: 'titles do not end sentences', text: 'Mr. Lund met Dr. Roe. Gen. Vik came.', expect: ['Mr. Lund met Dr. Roe.', 'Gen. Vik came.'] },
    { name: 'initials do not end sentences', text: 'J. K. Vance and the U.S. Navy met. Done.', expect: ['J. K. Vance and the U.S. Navy met.', 'Done.'] },
    { name: '"No. 5" continues, "said no." ends', text: 'Gate No. 5 shut. She said no. Then rain.', expect: ['Gate No. 5 shut.', 'She said no.', 'Then rain.'] },
    { name: 'lower case after a period continues', text: 'At 3 p.m. officials spoke. Next.', expect: ['At 3 p.m. officials spoke.', 'Next.'] },
    { name: 'never inside a mention', text: 'They reached St. Denis Harbour. Then home.', mentions: ['St. Denis Harbour'], expect: ['They reached St. Denis Harbour.', 'Then home.'] },
    { name: 'a blank line ends a headline', text: 'Storm hits Oslo\n\nRain fell.', expect: ['Storm hits Oslo', 'Rain fell.'] },
    { name: 'CRLF paragraphs', text: 'One.\r\n\r\nTwo.', expect: ['One.', 'Two.'] },
    { name: 'hard-wrapped lines stay one sentence', text: 'The mayor of\nBergen spoke.', expect: ['The mayor of\nBergen spoke.'] },
    { name: 'Markdown list items are separate', text: 'Facts:\n- Oslo flooded\n- Bergen dry', expect: ['Facts:', '- Oslo flooded', '- Bergen dry'] },
    { name: 'empty text is one empty sentence', text: '', expect: [''] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(sentences(c.text, c.mentions), c.expect));
  }

  it('paragraphs are separated by blank lines', () => {
    const text = 'A one. A two.\n\n\nB one.\n  \nC.';
    const { paragraphs } = segmentText(text);
    assert.deepEqual(paragraphs.map((p) => text.slice(p.start, p.end)), ['A one. A two.', 'B one.', 'C.']);
  });

  it('a 1 MB text without punctuation is one sentence', () => {
    const text = 'word '.repeat(200_000);
    assert.equal(segmentText(text).sentences.length, 1);
  });

  it('finds the line of an offset', () => {
    const starts = lineStarts('ab\ncd\n\nef');
    assert.deepEqual([0, 2, 3, 6, 7, 8].map((o) => lineAt(starts, o)), [0, 0, 1, 2, 3, 3]);
  });
});
