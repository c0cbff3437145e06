// Standoff anchoring of annotations (W3C TextQuote + TextPosition selectors): building a target
// from a selection, and finding it again after the document was edited.
import type { AnnotationTarget } from './types';

export const CONTEXT_CHARS = 32;
/** Quotes longer than this are only matched exactly (fuzzy matching is quadratic in length). */
const MAX_FUZZY_QUOTE = 400;
const MAX_CANDIDATES = 200;

export type AnchorResult =
  | { start: number; end: number; method: 'position' | 'quote' | 'fuzzy' }
  | { orphan: string };

export function makeTarget(source: string, text: string, start: number, end: number): AnnotationTarget {
  return {
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        suffix: text.slice(end, end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** Exact position, then quote search (context agreement, then nearness), then a fuzzy match. */
export function anchor(text: string, target: AnnotationTarget): AnchorResult {
  const [quote, position] = target.selector;
  const { exact } = quote;
  if (!exact) return { orphan: 'the annotation quotes no text' };
  if (text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hits = occurrences(text, exact, position.start);
  if (hits.length > 0) {
    let best = hits[0];
    let bestScore = -Infinity;
    for (const h of hits) {
      // Context agreement dominates; distance only breaks ties between equally good contexts.
      const score =
        commonSuffix(text.slice(Math.max(0, h - quote.prefix.length), h), quote.prefix) +
        commonPrefix(text.slice(h + exact.length, h + exact.length + quote.suffix.length), quote.suffix) -
        Math.abs(h - position.start) / (text.length + 1);
      if (score > bestScore) [best, bestScore] = [h, score];
    }
    return { start: best, end: best + exact.length, method: 'quote' };
  }
  if (exact.length > MAX_FUZZY_QUOTE) return { orphan: `the quoted text "${clip(exact)}" is no longer in the document` };
  const fuzzy = byContext(text, quote.prefix, quote.suffix, exact, position.start) ?? byWindow(text, exact, position.start);
  if (fuzzy) return { ...fuzzy, method: 'fuzzy' };
  return { orphan: `the quoted text "${clip(exact)}" is no longer in the document` };
}

/** Similarity 0..1 from the case-folded edit distance. */
export function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

/** Start offsets of `needle`, the ones nearest `near` first, at most MAX_CANDIDATES. */
function occurrences(text: string, needle: string, near: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && all.length < 10_000; i = text.indexOf(needle, i + 1)) all.push(i);
  return all.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, MAX_CANDIDATES);
}

/** The quote was edited in place: its prefix and suffix still frame something similar. */
function byContext(text: string, prefix: string, suffix: string, exact: string, near: number) {
  const p = prefix.slice(-16);
  const s = suffix.slice(0, 16);
  if (p.length < 8 || s.length < 8) return undefined;
  let best: { start: number; end: number; sim: number; dist: number } | undefined;
  for (const at of occurrences(text, p, near - p.length)) {
    const start = at + p.length;
    const end = text.indexOf(s, start);
    if (end <= start || end - start > exact.length * 1.5 + 8) continue;
    const candidate = text.slice(start, end);
    const sim = similarity(candidate.trim(), exact);
    const dist = Math.abs(start - near);
    if (sim >= 0.6 && (!best || sim > best.sim || (sim === best.sim && dist < best.dist))) {
      const lead = candidate.length - candidate.trimStart().length;
      best = { start: start + lead, end: start + candidate.trimEnd().length, sim, dist };
    }
  }
  return best && { start: best.start, end: best.end };
}

/** The quote moved and changed slightly: windows starting or ending at a seed of the quote. */
function byWindow(text: string, exact: string, near: number) {
  const seed = Math.min(4, exact.length);
  const slack = Math.max(1, Math.ceil(exact.length * 0.2));
  let best: { start: number; end: number; sim: number; dist: number } | undefined;
  const consider = (start: number, end: number) => {
    if (start < 0 || end > text.length || end <= start) return;
    const sim = similarity(text.slice(start, end), exact);
    const dist = Math.abs(start - near);
    if (sim >= 0.8 && (!best || sim > best.sim || (sim === best.sim && dist < best.dist))) best = { start, end, sim, dist };
  };
  for (const at of occurrences(text, exact.slice(0, seed), near)) {
    for (let len = exact.length - slack; len <= exact.length + slack; len++) consider(at, at + len);
  }
  for (const at of occurrences(text, exact.slice(-seed), near + exact.length - seed)) {
    for (let len = exact.length - slack; len <= exact.length + slack; len++) consider(at + seed - len, at + seed);
  }
  const found = best as { start: number; end: number } | undefined;
  return found && { start: found.start, end: found.end };
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The same target, re-anchored at [start, end) of `text`: anchors follow edits. */
export function retarget(target: AnnotationTarget, text: string, start: number, end: number): AnnotationTarget {
  return makeTarget(target.source, text, start, end);
}
