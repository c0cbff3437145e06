// Sentence bounds for quote detection. Quoted text is opaque: a full stop inside a quote ends a
// sentence only when the quote itself ends there ("… storm.” Ominous …).
import type { MarkSpan } from './marks';

export interface Bound {
  start: number;
  end: number;
}

const ABBREVIATION = /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Prof|Jr|Sr|Inc|Co|Ltd|No|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec))$/;

/** Sentences of the masked text, never crossing a paragraph break outside a quote. */
export function sentenceBounds(text: string, quotes: MarkSpan[]): Bound[] {
  const inside = new Int32Array(text.length + 1).fill(-1);
  quotes.forEach((q, i) => inside.fill(i, q.start, q.end));
  const out: Bound[] = [];
  let from = 0;
  const cut = (at: number): void => {
    const seg = text.slice(from, at);
    const lead = seg.length - seg.trimStart().length;
    const body = seg.trim();
    if (body) out.push({ start: from + lead, end: from + lead + body.length });
    from = at;
  };
  for (let i = 0; i < text.length; i++) {
    const q = inside[i];
    if (q >= 0) {
      const span = quotes[q];
      // A quote closing on . ! or ? followed by a capital ends its sentence with it.
      if (/[.!?]/.test(text[span.end - 2] ?? '') && /^\s+[A-Z“"‘«„]/.test(text.slice(span.end, span.end + 3))) {
        i = span.end - 1;
        cut(span.end);
      } else i = span.end - 1;
      continue;
    }
    const c = text[i];
    if (c === '\n' && /^[ \t]*\n/.test(text.slice(i + 1, i + 40))) {
      cut(i);
      continue;
    }
    if (!/[.!?]/.test(c)) continue;
    let j = i + 1;
    while (j < text.length && /[)\]”"’»]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    const next = text.slice(j).match(/^\s+(\S)/);
    if (next && !/[A-Z0-9“"‘«„(\p{Lu}]/u.test(next[1])) continue;
    // "U.S. President", "No. 1", "Dr. Berg": an abbreviation's full stop ends no sentence.
    if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i))) continue;
    cut(j);
  }
  cut(text.length);
  return out;
}
