// The document pass: places paragraph candidates in the document, applies the lexicon, finds
// the document date, resolves date values, runs consistency, removes overlaps and groups.
import { Analysis, AnalyzeOptions, EMPTY_LEXICON } from '../model';
import type { Paragraph } from './paragraphs';
import type { ParagraphResult } from './types';
import type { MaskedText } from './mask';
import { applyConsistency } from './consistency';
import { paragraphWords, paragraphWordStarts } from './wordIndex';
import { splitPersonOfOrg } from './personOfOrg';
import { groupEntities, Placed } from './grouping';
import { applyMerges, isSuppressed, lexiconCandidates, relabel } from './lexiconFeedback';
import { detectDocumentDate } from './dates/documentDate';
import { Anchor, anchorOf, resolveDate } from './dates/resolve';
import { pad } from './dates/calendar';

/** The tagger step: the rules' answer in, the combined answer out (whole-document or incremental). */
export type TagStep = (text: string, rules: Placed[]) => Placed[];

export function documentPass(raw: string, masked: MaskedText, paragraphs: Paragraph[], results: ParagraphResult[], opts: AnalyzeOptions, engineVersion: string, tagStep: TagStep | null = null): Analysis {
  const lexicon = opts.lexicon ?? EMPTY_LEXICON;
  const text = masked.text;
  let cands: Placed[] = [];
  paragraphs.forEach((p, i) => {
    for (const c of results[i]?.candidates ?? []) {
      const start = p.start + c.start;
      const end = p.start + c.end;
      const s = raw.slice(start, end);
      // A span must read the same in the raw and the masked text (no markup inside).
      if (!s || s !== text.slice(start, end)) continue;
      // Field by field: a spread copy of every candidate on every edit was the pass's costliest line.
      const placed: Placed = { start, end, type: c.type, source: c.source, confidence: c.confidence, text: s, linkTo: c.expansionOf ? p.start + c.expansionOf.start : undefined };
      if (c.date) placed.date = c.date;
      if (c.expansionOf) placed.expansionOf = c.expansionOf;
      cands.push(placed);
    }
  });
  for (const c of lexiconCandidates(text, lexicon)) cands.push(c);
  for (const c of cands) relabel(c, lexicon);
  cands = cands.filter((c) => !isSuppressed(c, lexicon));

  const fullDates: string[] = [];
  for (const c of cands) {
    const e = c.date;
    if (e?.kind === 'absolute' && e.year && e.month && e.day) fullDates.push(`${pad(e.year, 4)}-${pad(e.month, 2)}-${pad(e.day, 2)}`);
  }
  const docDate = detectDocumentDate(text, masked.frontMatter, fullDates, opts.documentDate, opts.metadataDate);
  cands.sort((a, b) => a.start - b.start);
  let anchor: Anchor | null = null;
  for (const c of cands) {
    if (c.type !== 'DATE' || !c.date) continue;
    c.value = resolveDate(c.date, docDate.date, anchor) ?? 'XXXX-XX-XX';
    anchor = anchorOf(c.date, docDate.date) ?? anchor;
  }

  const words = paragraphWordStarts(text, paragraphs, (i) => (results[i].words ??= paragraphWords(paragraphs[i].text)));
  let placed = applyConsistency(text, splitPersonOfOrg(cands), words) as Placed[];
  for (const c of placed) relabel(c, lexicon);
  placed = placed.filter((c) => !isSuppressed(c, lexicon));
  // The tagger sees the rules' final answer; the user's lexicon then rules over both.
  const rules = removeOverlaps(placed);
  const tagged = tagStep ? tagStep(text, rules) : rules;
  for (const c of tagged) relabel(c, lexicon);
  const kept = removeOverlaps(tagged.filter((c) => !isSuppressed(c, lexicon)));
  const { mentions, entities } = groupEntities(kept);
  const merged = applyMerges(mentions, entities, lexicon);
  return { documentDate: docDate.date, documentDateSource: docDate.source, entities: merged, mentions, engineVersion };
}

/**
 * Lexicon first, then confidence, then length: the kept mentions never overlap. The greedy choice
 * is made per cluster of overlapping candidates (a candidate never competes with one it does not
 * overlap, directly or through others), so an unclustered mention costs no sort and no scan.
 */
export function removeOverlaps(cands: Placed[]): Placed[] {
  const items: number[] = [];
  let sorted = true;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.end <= c.start) continue;
    if (items.length && c.start < cands[items[items.length - 1]].start) sorted = false;
    items.push(i);
  }
  // Index order breaks ties, as in the whole-list greedy.
  if (!sorted) items.sort((a, b) => cands[a].start - cands[b].start || a - b);
  const kept: Placed[] = [];
  for (let k = 0; k < items.length; ) {
    let end = cands[items[k]].end;
    let j = k + 1;
    while (j < items.length && cands[items[j]].start < end) end = Math.max(end, cands[items[j++]].end);
    if (j === k + 1) kept.push(cands[items[k]]);
    else for (const c of greedy(cands, items.slice(k, j))) kept.push(c);
    k = j;
  }
  return kept;
}

function greedy(cands: Placed[], cluster: number[]): Placed[] {
  const keys = cluster.map((i) => ({ c: cands[i], rank: (cands[i].source === 'lexicon' ? 10 : 0) + cands[i].confidence, len: cands[i].end - cands[i].start, i }));
  keys.sort((a, b) => b.rank - a.rank || b.len - a.len || a.c.start - b.c.start || a.i - b.i);
  const kept: Placed[] = [];
  for (const { c } of keys) if (!kept.some((o) => o.start < c.end && c.start < o.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
