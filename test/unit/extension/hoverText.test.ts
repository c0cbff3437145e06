// The hover card's text pieces: hostile text is escaped, dates are described against the
// document date.
import * as assert from 'node:assert';
import { describeDate, escapeMarkdown, formatCoordinates } from '../../../src/extension/features/hoverText';

describe('hover text: escapeMarkdown', () => {
  const inert: [string, string][] = [
    ['a command link', '[x](command:workbench.action.closeWindow)'],
    ['a web link', '[x](https://evil.example)'],
    ['an autolink', '<https://evil.example>'],
    ['raw HTML', '<img src=x onerror=alert(1)>'],
    ['emphasis', '**bold** _it_'],
    ['a heading', '# Title'],
    ['a code span', '`code`'],
    ['a theme icon', '$(alert)'],
  ];
  for (const [what, text] of inert) {
    it(`leaves no unescaped markup in ${what}`, () => {
      const out = escapeMarkdown(text);
      // Every special character is preceded by a backslash.
      assert.doesNotMatch(out, /(?<!\\)[[\]()<>*_`#$]/, out);
      assert.strictEqual(out.replace(/\\(.)/g, '$1'), text, 'unescaping gives the text back');
    });
  }

  it('flattens newlines so a note cannot start a new block', () => {
    assert.strictEqual(escapeMarkdown('one\n\n# two'), 'one \\# two');
  });

  it('cuts long text with an ellipsis', () => {
    const out = escapeMarkdown('a'.repeat(500), 10);
    assert.strictEqual(out, `${'a'.repeat(9)}…`);
  });
});

describe('hover text: describeDate', () => {
  const cases: [string, string | null, string[]][] = [
    ['2015-11-13', '2015-11-17', ['Friday', '4 days before the document date']],
    ['2015-11-16', '2015-11-17', ['Monday', '1 day before the document date']],
    ['2015-11-17', '2015-11-17', ['Tuesday', 'the document date']],
    ['2015-11-20', '2015-11-17', ['Friday', '3 days after the document date']],
    ['2016-02-29', null, ['Monday']],
    ['2015-11', '2015-11-17', []],
    ['P3D', '2015-11-17', []],
    ['2015-W46', null, []],
  ];
  for (const [value, documentDate, expected] of cases) {
    it(`${value} against ${documentDate ?? 'no date'}`, () => {
      assert.deepStrictEqual(describeDate(value, documentDate), expected);
    });
  }
});

describe('hover text: formatCoordinates', () => {
  const cases: [number, number, string | undefined][] = [
    [48.8566, 2.3522, '48.8566° N, 2.3522° E'],
    [51, 9, '51° N, 9° E'],
    [-33.86882, 151.20929, '33.8688° S, 151.2093° E'],
    [40.7128, -74.006, '40.7128° N, 74.006° W'],
    [0, 0, '0° N, 0° E'],
    [91, 0, undefined],
    [Number.NaN, 3, undefined],
  ];
  for (const [lat, lon, expected] of cases) {
    it(`${lat}, ${lon}`, () => assert.strictEqual(formatCoordinates(lat, lon), expected));
  }
});
