import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';

// The source's own date (PDF/HTML/DOCX metadata, a corpus's creation time) anchors relative dates
// before any rule that reads the text; the caller's fallback date (mtime) comes after the rules.
describe('engine: the document date from metadata', () => {
  const text = 'Officials met on March 2, 2009 and again on March 2, 2009.\n\nThe talks resumed yesterday.';

  it('wins over the most frequent date in the text', () => {
    const a = analyze(text, { metadataDate: '2009-03-05' });
    assert.equal(a.documentDate, '2009-03-05');
    assert.equal(a.documentDateSource, 'metadata');
    assert.equal(a.entities.find((e) => e.aliases.concat(e.canonical).some((n) => /yesterday/i.test(n)) || e.value === '2009-03-04')?.value, '2009-03-04');
  });

  it('wins over a dateline', () => {
    const a = analyze('PARIS, November 17, 2015 — The raid took place on Friday.', { metadataDate: '2015-11-18' });
    assert.deepEqual([a.documentDate, a.documentDateSource], ['2015-11-18', 'metadata']);
  });

  it('while a caller fallback date still yields to the text', () => {
    const a = analyze(text, { documentDate: '2009-03-05' });
    assert.deepEqual([a.documentDate, a.documentDateSource], ['2009-03-02', 'frequent']);
  });

  it('ignores a malformed metadata date', () => {
    const a = analyze(text, { metadataDate: 'not a date' });
    assert.equal(a.documentDateSource, 'frequent');
  });
});
