// Quotation marks: pairs them inside one paragraph (the cacheable unit) and stitches quotes that
// run over several paragraphs, where an opening mark stays unclosed until a later paragraph.

/** A span of quoted text, mark to mark inclusive (offsets end-exclusive). */
export interface MarkSpan {
  start: number;
  end: number;
}

export interface ParagraphMarks {
  /** Closed quotes wholly inside the paragraph. */
  spans: MarkSpan[];
  /** An opening mark never closed in the paragraph: the quote runs on into the next one. */
  openFrom: number | null;
  /** A closing mark met before any opening one: the end of a quote begun earlier. */
  strayCloseEnd: number | null;
}

/** Opening mark -> the marks that may close it. */
const CLOSERS: Record<string, string> = { '“': '”', '„': '“”', '«': '»', '‘': '’', '"': '"' };
const ALL_CLOSERS = '”»’"';
const isLetter = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

function opensHere(s: string, i: number): boolean {
  const c = s[i];
  if (!(c in CLOSERS)) return false;
  // A straight or single mark opens only at a word start ("we’re" and 5" never open).
  if (c === '"' || c === '‘') return !isLetter(s[i - 1]) && !!s[i + 1] && !/\s/.test(s[i + 1]);
  return true;
}

function closesHere(s: string, i: number, opener: string): boolean {
  if (!CLOSERS[opener].includes(s[i])) return false;
  // ’ between letters is an apostrophe, not the end of a ‘single’ quote.
  if (s[i] === '’') return !isLetter(s[i + 1]);
  return true;
}

const cache = new Map<string, ParagraphMarks>();
const CACHE_LIMIT = 4000;

/** Pairs the quotation marks of one paragraph; depends on its text only, so it is cached. */
export function pairMarks(text: string): ParagraphMarks {
  const hit = cache.get(text);
  if (hit) return hit;
  const out: ParagraphMarks = { spans: [], openFrom: null, strayCloseEnd: null };
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (open >= 0) {
      if (closesHere(text, i, text[open])) {
        out.spans.push({ start: open, end: i + 1 });
        open = -1;
      }
    } else if (opensHere(text, i)) {
      open = i;
    } else if (!out.spans.length && out.strayCloseEnd === null && ALL_CLOSERS.includes(text[i]) && text[i] !== '’' && text[i] !== '"') {
      out.strayCloseEnd = i + 1;
    }
  }
  out.openFrom = open >= 0 ? open : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

export interface PlacedParagraph {
  start: number;
  text: string;
}

/**
 * Document-level quote spans. A quote left open at a paragraph's end continues while the next
 * paragraph reopens it (the news convention) and ends where a paragraph finally closes it.
 */
export function documentMarks(paragraphs: PlacedParagraph[]): MarkSpan[] {
  const spans: MarkSpan[] = [];
  let runFrom: number | null = null;
  for (const p of paragraphs) {
    const marks = pairMarks(p.text);
    let local = marks.spans;
    if (runFrom !== null) {
      const first = local[0];
      if (first && first.start === 0) {
        spans.push({ start: runFrom, end: p.start + first.end });
        local = local.slice(1);
        runFrom = null;
      } else if (marks.strayCloseEnd !== null) {
        spans.push({ start: runFrom, end: p.start + marks.strayCloseEnd });
        runFrom = null;
      } else if (marks.openFrom === 0 && !local.length) {
        continue; // reopened and still running
      } else {
        runFrom = null; // never closed: not a quote we can bound
      }
    }
    for (const s of local) spans.push({ start: p.start + s.start, end: p.start + s.end });
    if (marks.openFrom !== null && runFrom === null) runFrom = p.start + marks.openFrom;
  }
  return spans;
}
