// Stored mentions follow edits while the user types (until re-analysis replaces them).
import * as assert from 'node:assert';
import type { Analysis, Mention } from '../../../src/core/model';
import { shiftMentions, type TextEdit } from '../../../src/extension/analysis/shiftMentions';

function analysisOf(text: string, names: string[]): Analysis {
  const mentions: Mention[] = names.map((n) => {
    const start = text.indexOf(n);
    return { start, end: start + n.length, text: n, type: 'PERSON', entity: `person:${n}`, confidence: 1, source: 'ner' };
  });
  return { documentDate: null, documentDateSource: 'none', entities: [], mentions, engineVersion: 'test' };
}

/** Applies edits to the text the way VS Code reports them (offsets into the old text). */
function apply(text: string, edits: (TextEdit & { text: string })[]): string {
  return [...edits].sort((a, b) => b.rangeOffset - a.rangeOffset).reduce((t, e) => t.slice(0, e.rangeOffset) + e.text + t.slice(e.rangeOffset + e.rangeLength), text);
}

describe('shiftMentions', () => {
  const text = 'Anna met Boris and Clara.';
  const names = ['Anna', 'Boris', 'Clara'];
  const edit = (rangeOffset: number, rangeLength: number, inserted: string): TextEdit & { text: string } => ({ rangeOffset, rangeLength, textLength: inserted.length, text: inserted });

  const cases: [string, (TextEdit & { text: string })[], string[]][] = [
    ['typing before every name', [edit(0, 0, 'Then ')], ['Anna', 'Boris', 'Clara']],
    ['typing between names', [edit(9, 0, 'young ')], ['Anna', 'Boris', 'Clara']],
    ['typing right after a name', [edit(4, 0, 'lena')], ['Boris', 'Clara']],
    ['deleting text between names', [edit(14, 4, '')], ['Anna', 'Boris', 'Clara']],
    ['typing inside a name drops it', [edit(11, 0, 'x')], ['Anna', 'Clara']],
    ['replacing a whole name drops it', [edit(19, 5, 'Dora')], ['Anna', 'Boris']],
    ['two edits in one event', [edit(0, 0, 'So '), edit(15, 3, 'with')], ['Anna', 'Boris', 'Clara']],
  ];
  for (const [what, edits, survivors] of cases) {
    it(what, () => {
      const shifted = shiftMentions(analysisOf(text, names), edits);
      const newText = apply(text, edits);
      for (const m of shifted.mentions) assert.strictEqual(newText.slice(m.start, m.end), m.text, `${m.text} still points at itself`);
      const kept = shifted.mentions.map((m) => m.text);
      // "typing right after a name" leaves Anna's span on "Anna" inside "Annalena": kept, still its text.
      for (const s of survivors) assert.ok(kept.includes(s), `${s} survives (${kept.join(', ')})`);
    });
  }

  it('quotes move with edits before them and wait for re-analysis when an edit touches them', () => {
    const said = '"We stay," said Anna. Boris left.';
    const quote = { start: 0, end: 9, text: '"We stay,"', speaker: 'person:Anna', cue: { start: 10, end: 14 }, kind: 'direct' as const, confidence: 1 };
    const base = { ...analysisOf(said, ['Anna']), quotes: [quote] };
    const moved = shiftMentions(base, [edit(0, 0, 'Then: ')]);
    assert.deepStrictEqual(moved.quotes?.map((q) => [q.start, q.end, q.cue.start]), [[6, 15, 16]]);
    assert.deepStrictEqual(shiftMentions(base, [edit(3, 0, 'x')]).quotes, []);
    assert.strictEqual(shiftMentions(base, [edit(30, 0, 'x')]).quotes?.[0], quote);
  });
});
