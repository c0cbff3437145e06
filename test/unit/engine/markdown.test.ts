import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { assertWellFormed, found } from './support';

describe('engine: Markdown and line endings', () => {
  it('skips front matter but reads its date', () => {
    const text = '---\ntitle: Notes on Oslo\ndate: 2021-03-04\n---\nThe mayor of Oslo spoke yesterday.\n';
    const a = analyze(text, { languageId: 'markdown' });
    assertWellFormed(text, a);
    assert.equal(a.documentDate, '2021-03-04');
    assert.equal(a.documentDateSource, 'frontmatter');
    assert.deepEqual(found(a, 'PLACE'), ['Oslo']);
    assert.ok(a.mentions.every((m) => m.start > text.indexOf('---\nThe')));
  });

  it('detects Markdown by front matter even without a languageId', () => {
    const text = '---\ndate: 2021-03-04\n---\n**Oslo** is cold.\n';
    const a = analyze(text);
    assert.deepEqual(found(a, 'PLACE'), ['Oslo']);
  });

  const cases: [string, string, string[]][] = [
    ['fenced code is not prose', 'Intro about Vienna.\n\n```\nconst Berlin = Madrid;\n```\n', ['Vienna']],
    ['emphasis stays outside the span', 'We flew to **Vienna** and _Madrid_.', ['Vienna', 'Madrid']],
    ['link text is read, its target is not', 'See [Vienna](https://example.org/Berlin) today.', ['Vienna']],
    ['heading markers stay outside', '# Floods in Vienna\n\nText.', ['Vienna']],
    ['inline code is skipped', 'Use `Berlin` here, not Vienna.', ['Vienna']],
  ];
  for (const [name, text, places] of cases) {
    it(name, () => {
      const a = analyze(text, { languageId: 'markdown' });
      assertWellFormed(text, a);
      assert.deepEqual(found(a, 'PLACE'), places);
    });
  }

  it('CRLF text gives the same names at the right offsets', () => {
    const lf = 'Talks in Vienna.\n\nLater, Maria Lindqvist went to Madrid.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(crlf, { documentDate: '2020-01-01' });
    assertWellFormed(crlf, a);
    assert.deepEqual(found(a), found(analyze(lf, { documentDate: '2020-01-01' })));
  });
});
