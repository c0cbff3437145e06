// Word tokens of a paragraph with exact offsets: abbreviation dots kept ("U.S."), sentence dots
// and possessives ('s, ’s, bare ’) left outside, so spans built from tokens are always clean.

export interface Token {
  start: number;
  end: number;
  text: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case (acronyms, headlines). */
  upper: boolean;
  /** First word of a sentence, line or quotation. */
  sentStart: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’`-]|\.(?=\p{L}))[\p{L}\p{M}\p{N}]+)*\.?/gu;
const ABBREVIATION = /^(?:\p{L}\.)+$|^(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Mt|Dr|Mr|Mrs|Ms|Gen|Col|Sen|Rep|Gov|Lt|Sgt|Capt|Prof|Rev|Ft|No|Bros|Cie)\.$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    let word = m[0];
    if (word.endsWith('.') && !ABBREVIATION.test(word)) word = word.slice(0, -1);
    const poss = /['’]s$/i.exec(word);
    if (poss && word.length > 2) word = word.slice(0, -2);
    if (!word) continue;
    const start = m.index;
    const before = text.slice(Math.max(0, start - 3), start);
    // A dash also opens a sentence: after a dateline ("LISBON — Cabin crew ...") it always does.
    const sentStart = start === 0 || /(?:[.!?:;"“«(\n—–]|^)\s*["“«'‘(]?\s*$/.test(before) || /\n\s*$/.test(before);
    const letters = word.replace(/[^\p{L}]/gu, '');
    out.push({
      start,
      end: start + word.length,
      text: word,
      cap: /^\p{Lu}/u.test(word) || /^(?:al|el|ad|ash|as|at|bin|ibn|abu)-\p{Lu}/u.test(word),
      upper: letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      sentStart,
    });
  }
  return out;
}
