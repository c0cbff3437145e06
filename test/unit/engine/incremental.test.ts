import * as assert from 'node:assert/strict';
import { analyze, createIncrementalAnalyzer, ENGINE_VERSION } from '../../../src/core/engine/index';

const paragraphs = [
  'Vienna hosted talks on Monday between Maria Lindqvist and the World Health Organization.',
  'Lindqvist said the Coastal Protection Agency would help.',
  'Madrid sent observers; the agency later thanked them.',
];

describe('engine: incremental analysis', () => {
  it('gives the same analysis as analyze()', () => {
    const inc = createIncrementalAnalyzer();
    const text = paragraphs.join('\n\n');
    assert.deepEqual(inc.analyze(text, { documentDate: '2020-05-05' }), analyze(text, { documentDate: '2020-05-05' }));
    inc.dispose();
  });

  it('re-analyses only the edited paragraph, then runs the document pass', () => {
    const inc = createIncrementalAnalyzer();
    inc.analyze(paragraphs.join('\n\n'));
    assert.deepEqual(inc.lastStats(), { paragraphs: 3, reanalysed: 3 });
    const edited = [paragraphs[0], paragraphs[1].replace('help', 'help Oslo'), paragraphs[2]].join('\n\n');
    const a = inc.analyze(edited);
    assert.deepEqual(inc.lastStats(), { paragraphs: 3, reanalysed: 1 });
    assert.deepEqual(a, analyze(edited));
    // The document pass still links the surname in the edited paragraph to the full name.
    const lind = a.mentions.find((m) => m.text === 'Lindqvist');
    assert.equal(lind?.entity, 'person:maria-lindqvist');
    inc.dispose();
  });

  it('an unchanged document is not re-analysed, and dispose() is safe to repeat', () => {
    const inc = createIncrementalAnalyzer();
    const text = paragraphs.join('\n\n');
    inc.analyze(text);
    inc.analyze(text);
    assert.equal(inc.lastStats().reanalysed, 0);
    inc.dispose();
    inc.dispose();
    assert.equal(inc.analyze(text).engineVersion, ENGINE_VERSION);
  });
});
