// Cuts the masked text into paragraphs: the unit of analysis and of the incremental cache.
// Very long paragraphs are cut again at sentence, line or word boundaries so the tagger never
// sees more than MAX_CHUNK characters at once (a 1 MB single line must not hang anything).

export interface Paragraph {
  start: number;
  text: string;
}

export const MAX_CHUNK = 3000;

export function splitParagraphs(masked: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t]*\n/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked)) !== null) {
    pushChunks(masked, from, m.index, out);
    from = m.index + m[0].length;
    re.lastIndex = from;
  }
  pushChunks(masked, from, masked.length, out);
  return out;
}

function pushChunks(s: string, start: number, end: number, out: Paragraph[]): void {
  while (start < end) {
    // Skip leading whitespace so identical paragraphs share a cache entry wherever they sit.
    while (start < end && /\s/.test(s[start])) start++;
    if (start >= end) return;
    let cut = end;
    if (end - start > MAX_CHUNK) cut = findCut(s, start, start + MAX_CHUNK);
    let stop = cut;
    while (stop > start && /\s/.test(s[stop - 1])) stop--;
    if (stop > start) out.push({ start, text: s.slice(start, stop) });
    start = cut;
  }
}

function findCut(s: string, start: number, limit: number): number {
  // Search only the window, so a boundary-free megabyte is never rescanned per chunk.
  const floor = start + MAX_CHUNK / 2;
  const window = s.slice(floor, limit);
  for (const re of [/[.!?]["'”’)]?\s/g, /\n/g, /\s/g]) {
    let best = -1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window)) !== null) best = m.index + m[0].length;
    if (best > 0) return floor + best;
  }
  // No boundary at all (one giant token): cut hard, but never between surrogate halves.
  const code = s.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}
