// Applies the user's anchored quote decisions ("Change Speaker…", "Not a Quote") to one
// document's quotes: a correction rules on the engine quote it overlaps most, wherever the
// quote moved; a speaker given for text the engine found no quote in adds that quote.
import type { Quote } from '../model';
import type { AnchoredAnnotation } from './annotationOverlay';
import type { QuoteWithProvenance } from './types';

const QUOTE_MARK = /^[\s*_]*["“”‘’'«»„‚‹›「『]/;

/** `anchored` must be in chronological order: a later decision on a quote wins. */
export function applyQuoteAnnotations(
  text: string,
  quotes: readonly Quote[],
  anchored: readonly AnchoredAnnotation[],
  resolve: (id: string) => string,
): QuoteWithProvenance[] {
  let out: (QuoteWithProvenance | undefined)[] = quotes.map((q) => ({ ...q, provenance: 'auto' }));
  for (const { annotation: a, start, end } of anchored) {
    if (a.kind !== 'speaker' && a.kind !== 'notQuote') continue;
    const i = mostOverlapping(out, start, end);
    if (a.kind === 'notQuote') {
      if (i >= 0) out[i] = undefined;
      continue;
    }
    const speaker = a.body.entity ?? null;
    const at = i >= 0 ? out[i] : undefined;
    if (at) {
      out[i] = { ...at, speaker, confidence: 1, provenance: at.provenance === 'manual' ? 'manual' : 'corrected', annotations: [...(at.annotations ?? []), a.id] };
    } else {
      const added: QuoteWithProvenance = {
        start,
        end,
        text: text.slice(start, end),
        speaker,
        // The user names no cue; an empty one at the quote's start keeps the shape.
        cue: { start, end: start },
        kind: QUOTE_MARK.test(text.slice(start, end)) ? 'direct' : 'indirect',
        confidence: 1,
        provenance: 'manual',
        annotations: [a.id],
      };
      out = [...out.filter((q) => !q || q.end <= start || q.start >= end), added];
    }
  }
  return out
    .filter((q): q is QuoteWithProvenance => q !== undefined)
    .sort((x, y) => x.start - y.start)
    .map((q) => {
      const speaker = q.speaker && resolve(q.speaker);
      return speaker === q.speaker ? q : { ...q, speaker };
    });
}

/** The quote sharing the most characters with [start, end); -1 when none overlaps. */
export function mostOverlapping(quotes: readonly ({ start: number; end: number } | undefined)[], start: number, end: number): number {
  let best = -1;
  let most = 0;
  quotes.forEach((q, i) => {
    if (!q) return;
    const shared = Math.min(q.end, end) - Math.max(q.start, start);
    if (shared > most) [best, most] = [i, shared];
  });
  return best;
}
