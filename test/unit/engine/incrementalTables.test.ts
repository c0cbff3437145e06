// The incremental analyzer equals a full analysis after edits aimed at the document-level tables:
// a full name added or removed (its surname elsewhere joins or leaves the person), an acronym
// defined or dropped, a date that moves the anchor of the relative dates after it, a publication
// line that changes the document's date, paragraphs split and merged, and typed characters
// inside names. Seeded random sequences, so a failure replays.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createIncrementalAnalyzer } from '../../../src/core/engine/index';
import { seeded } from '../../../src/core/engine/tagger/train';

const samples = path.resolve(__dirname, '../../../../samples');
const BASE = fs.readdirSync(samples).sort().map((n) => fs.readFileSync(path.join(samples, n), 'utf8'));
// Names whose parts recur, acronyms with and without their definition, and relative dates.
const EXTRA = [
  'Marieke de Vries of the National Flood Agency (NFA) met Amina Diallo in Leeds on March 3, 2021.',
  'The next day de Vries said the NFA would pay. Diallo disagreed.',
  'Two days later, Vries and Amina spoke again; the agency had not paid by Friday.',
  'Lockheed Martin and Cerberus Capital Management bid in 2019. Lockheed withdrew a week later.',
];
const INSERTS = [' Marieke de Vries', ' de Vries', ' Diallo', ' Amina Diallo said.', ' the National Flood Agency (NFA)', ' NFA', ' on March 3, 2021', ' the next day', ' two days later', ' on Monday', ' in 2018', ' Lockheed', ' Leeds', 'e', ' ', '\n\n', '\n'];

type Edit = (text: string, rand: () => number) => string;
const pick = <T>(xs: T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)];
const at = (text: string, rand: () => number): number => Math.floor(rand() * (text.length + 1));

/** Every capitalised run (a name, roughly), so an edit can delete one occurrence of it. */
const NAME_RUN = /\p{Lu}[\p{L}.]+(?: (?:de |of the )?\p{Lu}[\p{L}.]+)*/gu;

const EDITS: Edit[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(INSERTS, r) + t.slice(i);
  },
  (t, r) => {
    // Remove one name: the tables lose a form, a part or an acronym's expansion.
    const runs = [...t.matchAll(NAME_RUN)];
    if (!runs.length) return t;
    const m = pick(runs, r);
    return t.slice(0, m.index) + t.slice(m.index + m[0].length);
  },
  (t, r) => {
    // Type inside a name ("Diallo" -> "Diaello"): a form changes in place.
    const runs = [...t.matchAll(NAME_RUN)];
    if (!runs.length) return t;
    const m = pick(runs, r);
    const i = m.index + 1 + Math.floor(r() * (m[0].length - 1));
    return t.slice(0, i) + 'e' + t.slice(i);
  },
  (t, r) => {
    // Split a paragraph at a sentence end, or merge it with the next one.
    const i = t.indexOf(r() < 0.5 ? '. ' : '\n\n', at(t, r));
    if (i < 0) return t;
    return t[i] === '.' ? t.slice(0, i + 1) + '\n\n' + t.slice(i + 2) : t.slice(0, i) + ' ' + t.slice(i + 2);
  },
  (t, r) => {
    // A publication line at the top sets the document's date; removing it falls back.
    const line = 'Published: 12 May 2022\n\n';
    return t.startsWith(line) ? t.slice(line.length) : r() < 0.5 ? line + t : t;
  },
  (t, r) => {
    // Undo a name's paragraph: drop or duplicate a whole paragraph.
    const ps = t.split('\n\n');
    const i = Math.floor(r() * ps.length);
    if (r() < 0.5 && ps.length > 2) ps.splice(i, 1);
    else ps.splice(i, 0, ps[i]);
    return ps.join('\n\n');
  },
];

describe('engine: incremental analysis equals a full analysis over edits to names, acronyms and dates (property)', () => {
  for (const seed of [21, 22, 23, 24, 25, 26, 27, 28]) {
    it(`after each of 16 random edits, seed ${seed}`, function () {
      this.timeout(180_000);
      const rand = seeded(seed);
      let text = [...EXTRA.slice(0, 2 + (seed % 3)), BASE[seed % BASE.length], ...EXTRA.slice(2), BASE[(seed + 1) % BASE.length]].join('\n\n');
      const inc = createIncrementalAnalyzer();
      const opts = { languageId: 'plaintext', documentDate: '2023-03-14' };
      assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), 'first analysis');
      for (let step = 0; step < 16; step++) {
        text = pick(EDITS, rand)(text, rand);
        assert.deepEqual(inc.analyze(text, opts), analyze(text, opts), `seed ${seed}, step ${step}: ${JSON.stringify(text.slice(0, 80))}…`);
      }
      inc.dispose();
    });
  }
});
