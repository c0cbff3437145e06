// The document pass: places paragraph candidates in the document, applies the lexicon, finds
// the document date, resolves date values, runs consistency, removes overlaps and groups.
import { Analysis, AnalyzeOptions, EMPTY_LEXICON } from '../model';
import type { Paragraph } from './paragraphs';
import type { ParagraphResult } from './types';
import type { MaskedText } from './mask';
import { applyConsistency } from './consistency';
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
      cands.push({ ...c, start, end, text: s, linkTo: c.expansionOf ? p.start + c.expansionOf.start : undefined });
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

  let placed = applyConsistency(text, splitPersonOfOrg(cands)) as Placed[];
  for (const c of placed) relabel(c, lexicon);
  placed = placed.filter((c) => !isSuppressed(c, lexicon));
  // The tagger sees the rules' final answer; the user's lexicon then rules over both.
  const rules = removeOverlaps(placed, text.length);
  const tagged = tagStep ? tagStep(text, rules) : rules;
  for (const c of tagged) relabel(c, lexicon);
  const kept = removeOverlaps(tagged.filter((c) => !isSuppressed(c, lexicon)), text.length);
  const { mentions, entities } = groupEntities(kept);
  const merged = applyMerges(mentions, entities, lexicon);
  return { documentDate: docDate.date, documentDateSource: docDate.source, entities: merged, mentions, engineVersion };
}

/** Lexicon first, then confidence, then length: the kept mentions never overlap. */
function removeOverlaps(cands: Placed[], length: number): Placed[] {
  // The sort keys are computed once per candidate, not once per comparison; the index keeps the
  // order of equal keys as the stable sort did.
  const keys = cands.map((c, i) => ({ c, rank: (c.source === 'lexicon' ? 10 : 0) + c.confidence, len: c.end - c.start, i }));
  keys.sort((a, b) => b.rank - a.rank || b.len - a.len || a.c.start - b.c.start || a.i - b.i);
  const kept: Placed[] = [];
  const occupied = new Uint8Array(length);
  outer: for (const { c } of keys) {
    if (c.end <= c.start) continue;
    for (let i = c.start; i < c.end; i++) if (occupied[i]) continue outer;
    occupied.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
