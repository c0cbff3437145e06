// The incremental analyzer equals a full analysis after every step of random edit sequences
// (seeded, so a failure replays): typed characters, deletions, new names, split, joined, moved
// and duplicated paragraphs, in plain text and Markdown.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createIncrementalAnalyzer } from '../../../src/core/engine/index';
import { seeded } from '../../../src/core/engine/tagger/train';

const samples = path.resolve(__dirname, '../../../../samples');
const SOURCES = fs.readdirSync(samples).sort().map((n) => ({ languageId: n.endsWith('.md') ? 'markdown' : 'plaintext', text: fs.readFileSync(path.join(samples, n), 'utf8') }));
const INSERTS = [' ', 'x', 'e', '.', ',', 'A', '\n', '\n\n', ' Hall', ' de Vries', ' in Leeds', ' FNV', ' Vienna', ' the Rail Accident Investigation Branch (RAIB)', ' Marieke said.', ' on Friday', '"'];

type Edit = (text: string, rand: () => number) => string;
const at = (text: string, rand: () => number): number => Math.floor(rand() * (text.length + 1));
const paragraphsOf = (text: string): string[] => text.split('\n\n');
const EDITS: Edit[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + INSERTS[Math.floor(r() * INSERTS.length)] + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 12));
  },
  (t, r) => {
    const ps = paragraphsOf(t);
    const [from, to] = [Math.floor(r() * ps.length), Math.floor(r() * ps.length)];
    const [moved] = ps.splice(from, 1);
    ps.splice(to, 0, moved);
    return ps.join('\n\n');
  },
  (t, r) => {
    const ps = paragraphsOf(t);
    const i = Math.floor(r() * ps.length);
    ps.splice(i, 0, ps[i]);
    return ps.join('\n\n');
  },
  (t, r) => {
    const i = t.indexOf('\n\n', at(t, r));
    return i < 0 ? t : t.slice(0, i) + ' ' + t.slice(i + 2);
  },
];

describe('engine: incremental analysis equals a full analysis (property)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`after each of 12 random edits, seed ${seed}`, function () {
      this.timeout(120_000);
      const rand = seeded(seed);
      const source = SOURCES[seed % SOURCES.length];
      // Two documents' worth, so names recur across paragraphs and the document-level facts matter.
      let text = source.text + '\n\n' + SOURCES[(seed + 1) % SOURCES.length].text;
      const inc = createIncrementalAnalyzer();
      const opts = { languageId: source.languageId, documentDate: '2023-03-14' };
      assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), 'first analysis');
      for (let step = 0; step < 12; step++) {
        text = EDITS[Math.floor(rand() * EDITS.length)](text, rand);
        assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), `seed ${seed}, step ${step}: ${JSON.stringify(text.slice(0, 80))}…`);
      }
      inc.dispose();
    });
  }
});

describe('engine: incremental analysis equals a full analysis over bursts and undo (property)', () => {
  for (const seed of [11, 12, 13]) {
    it(`bursts of up to 4 edits between analyses, and undo to an earlier text, seed ${seed}`, function () {
      this.timeout(120_000);
      const rand = seeded(seed);
      const source = SOURCES[seed % SOURCES.length];
      let text = source.text + '\n\n' + SOURCES[(seed + 2) % SOURCES.length].text;
      const history = [text];
      const inc = createIncrementalAnalyzer();
      const opts = { languageId: source.languageId, documentDate: '2021-06-01' };
      assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), 'first analysis');
      for (let step = 0; step < 8; step++) {
        if (history.length > 2 && rand() < 0.25) {
          // Undo: back to a text analysed a few steps ago (its paragraphs may be gone from the cache).
          text = history[Math.floor(rand() * history.length)];
        } else {
          const burst = 1 + Math.floor(rand() * 4);
          for (let k = 0; k < burst; k++) text = EDITS[Math.floor(rand() * EDITS.length)](text, rand);
        }
        history.push(text);
        assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), `seed ${seed}, step ${step}: ${JSON.stringify(text.slice(0, 80))}…`);
      }
      inc.dispose();
    });
  }
});
