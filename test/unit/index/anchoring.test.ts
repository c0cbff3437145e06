// Re-anchoring annotations after edits: position, then quote, then fuzzy; the rest are orphans.
import * as assert from 'node:assert/strict';
import { anchor, makeTarget } from '../../../src/core/index/anchoring';
import { openTestIndex } from './fakes';

const ORIGINAL = 'Police raided a flat in Saint-Denis. Abaaoud died there. Abaaoud had planned the attacks.';

describe('index: anchoring', () => {
  const second = ORIGINAL.indexOf('Abaaoud', 40);
  const place = ORIGINAL.indexOf('Saint-Denis');
  const onName = makeTarget('a.txt', ORIGINAL, second, second + 7);
  const onPlace = makeTarget('a.txt', ORIGINAL, place, place + 11);
  const cases: { name: string; target: typeof onName; text: string; expect: [number, number, string] | 'orphan' }[] = [
    { name: 'unchanged text: by position', target: onName, text: ORIGINAL, expect: [second, second + 7, 'position'] },
    { name: 'text inserted before: by quote', target: onName, text: `UPDATE: ${ORIGINAL}`, expect: [second + 8, second + 15, 'quote'] },
    {
      name: 'two occurrences: the one whose context agrees wins over the nearer one',
      target: onName,
      text: ORIGINAL.replace('Police raided', 'Abaaoud. Police raided').replace('Abaaoud died', 'He died'),
      expect: [second + 4, second + 11, 'quote'],
    },
    { name: 'the quote was respelt: fuzzy', target: onPlace, text: ORIGINAL.replace('Saint-Denis', 'Saint Denis'), expect: [place, place + 11, 'fuzzy'] },
    { name: 'the quote was respelt and moved: fuzzy', target: onPlace, text: `Breaking. ${ORIGINAL.replace('a flat in Saint-Denis', 'a flat in St-Denis')}`, expect: [place + 10, place + 18, 'fuzzy'] },
    { name: 'the quote is gone: orphan', target: onPlace, text: ORIGINAL.replace('Saint-Denis', 'the suburbs'), expect: 'orphan' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = anchor(c.text, c.target);
      if (c.expect === 'orphan') {
        assert.ok('orphan' in r, JSON.stringify(r));
        assert.match(r.orphan, /no longer in the document/);
      } else {
        assert.deepEqual('start' in r ? [r.start, r.end, r.method] : r, c.expect);
      }
    });
  }

  it('re-anchors every surviving annotation after random edits and orphans the rest (seeded)', async () => {
    const rand = mulberry32(20151113);
    const word = () => ['the', 'river', 'rose', 'and', 'fell', 'over', 'night', 'in', 'town'][Math.floor(rand() * 9)];
    for (let round = 0; round < 25; round++) {
      // Unique upper-case codes are the annotated names; filler is lower-case words.
      const codes = Array.from({ length: 8 }, (_, i) => `Q${round}X${i}${String.fromCharCode(65 + i)}ZK`);
      let text = codes.map((c) => `${Array.from({ length: 6 }, word).join(' ')} ${c}`).join(' ') + ' end.';
      const { index } = await openTestIndex({ 'doc.txt': text });
      for (const code of codes) {
        const start = text.indexOf(code);
        await index.annotate({ kind: 'add', path: 'doc.txt', start, end: start + code.length, type: 'PERSON' });
      }
      const alive = new Set(codes);
      for (let e = 0; e < 12; e++) {
        const at = Math.floor(rand() * text.length);
        const len = Math.floor(rand() * 15);
        const insert = rand() < 0.5 ? ` ${word()} ${word()} ` : '';
        let from = at;
        let to = Math.min(text.length, at + len);
        // An edit touching a code destroys it entirely (replaced by filler), else it is kept whole.
        for (const code of codes) {
          const s = text.indexOf(code);
          if (s >= 0 && s < to && s + code.length > from) {
            from = Math.min(from, s);
            to = Math.max(to, s + code.length);
            alive.delete(code);
          }
        }
        text = text.slice(0, from) + insert + text.slice(to);
      }
      await index.updateDocument('doc.txt', text);
      const orphaned = new Set(index.orphans().map((o) => o.annotation.target?.selector[0].exact));
      for (const code of codes) {
        const m = index.getDocument('doc.txt')?.mentions.find((x) => x.text === code && x.provenance === 'manual');
        if (alive.has(code)) {
          assert.equal(m?.start, text.indexOf(code), `round ${round}: ${code} re-anchored in place`);
          assert.ok(!orphaned.has(code));
        } else {
          assert.equal(m, undefined, `round ${round}: ${code} was destroyed`);
          assert.ok(orphaned.has(code), `round ${round}: ${code} is an orphan`);
        }
      }
      assert.equal(index.annotations().length, codes.length, 'no annotation lost');
      index.dispose();
    }
  });

  it('a deleted document orphans its annotations, a renamed one carries them along', async () => {
    const { index } = await openTestIndex({ 'a.txt': 'Rotterdam and Leeds.\n', 'b.txt': 'Leeds again.\n' });
    await index.annotate({ kind: 'confirm', path: 'a.txt', start: 0, end: 9 });
    await index.renameDocument('a.txt', 'moved/a.txt');
    assert.equal(index.annotations()[0].target?.source, 'moved/a.txt');
    assert.equal(index.getDocument('moved/a.txt')?.mentions[0].provenance, 'confirmed');
    await index.removeDocument('moved/a.txt');
    assert.deepEqual(index.orphans().map((o) => o.reason), ['moved/a.txt is not in the index (deleted, renamed, excluded or not scanned yet).']);
    assert.equal(index.annotations().length, 1);
    index.dispose();
  });
});

/** Small seeded PRNG so the random edits are the same on every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
