// Sentence and paragraph boundaries of an article, for "who appears with whom" and for the
// context line of a dated event. Linear, regex-light and bounded: it runs on whole corpora.
// A boundary never falls inside a mention, so "U.S. President" or "St. Denis" stay whole.

export interface Segment {
  start: number;
  end: number;
}

/** Words that end with a period without ending the sentence ("Mr. Obama", "Gen. Petraeus"). */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st mt gen sen rep gov lt col capt sgt maj adm cmdr jr sr inc ltd co corp vs etc no nos ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig univ ave blvd rd ft pres rev hon')
    .split(' '),
);

/** Paragraphs: separated by blank lines. Sentences: split inside each paragraph. */
export function segmentText(text: string, mentions: readonly Segment[] = []): { sentences: Segment[]; paragraphs: Segment[] } {
  const paragraphs: Segment[] = [];
  const blank = /\r?\n[ \t]*\r?\n\s*/g;
  let from = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    if (m.index > from) paragraphs.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (from < text.length || paragraphs.length === 0) paragraphs.push({ start: from, end: text.length });
  const covered = coveredTest(mentions);
  const sentences: Segment[] = [];
  for (const p of paragraphs) sentences.push(...splitSentences(text, p, covered));
  return { sentences, paragraphs };
}

function splitSentences(text: string, paragraph: Segment, inMention: (offset: number) => boolean): Segment[] {
  const out: Segment[] = [];
  let start = paragraph.start;
  // End punctuation (with closing quotes/brackets) then space; or a line break before a Markdown block.
  const boundary = /([.!?…]+["'”’)\]]*)\s+|\r?\n(?=[ \t]*(?:#|[-*+>] |\d+[.)] ))/g;
  boundary.lastIndex = paragraph.start;
  const body = text.slice(0, paragraph.end);
  for (let m = boundary.exec(body); m; m = boundary.exec(body)) {
    const cut = m.index + (m[1]?.length ?? 0);
    const next = m.index + m[0].length;
    if (next >= paragraph.end) break;
    if (m[1] && !endsSentence(text, m.index, m[1], next)) continue;
    if (inMention(m.index)) continue;
    out.push({ start, end: cut });
    start = next;
  }
  if (start < paragraph.end || out.length === 0) out.push({ start, end: paragraph.end });
  return out;
}

/** A period at `dot` ends the sentence unless it closes an abbreviation or an initial. */
function endsSentence(text: string, dot: number, punctuation: string, next: number): boolean {
  const following = text[next] ?? '';
  // "said the 3 p.m. meeting" continues in lower case; a new sentence starts with a capital,
  // a digit or a quote.
  if (!/[\p{Lu}\p{N}"'“‘([]/u.test(following)) return false;
  // A closing quote or bracket after the period ends the sentence: abbreviations are not quoted.
  if (text[dot] !== '.' || punctuation.length > 1) return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false; // "J. Smith", "U.S."
  const lower = word.toLowerCase();
  // "No. 5" abbreviates; "said no. Then" ends.
  if (lower === 'no' || lower === 'nos') return !/\p{N}/u.test(following);
  return !ABBREVIATIONS.has(lower);
}

function coveredTest(mentions: readonly Segment[]): (offset: number) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= offset) lo = mid + 1;
      else if (sorted[mid].start > offset) hi = mid - 1;
      else return true;
    }
    return false;
  };
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
