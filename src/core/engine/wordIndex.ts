// Where each word starts, kept per paragraph (its text alone decides it, so it is cached with the
// paragraph's result): the document pass looks names up in it instead of scanning the whole text
// with a regular expression on every edit.
import type { Paragraph } from './paragraphs';

export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** A paragraph's distinct words, each with its start offsets (relative, in order). */
export interface ParagraphWords {
  words: string[];
  starts: number[][];
}

export function paragraphWords(text: string): ParagraphWords {
  const at = new Map<string, number[]>();
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const list = at.get(m[0]);
    if (list) list.push(m.index);
    else at.set(m[0], [m.index]);
  }
  return { words: [...at.keys()], starts: [...at.values()] };
}

/** Looks up the wanted words' starts in the document, or answers how (the whole-text scan). */
export type WordStarts = (wanted: Set<string>) => Map<string, number[]>;

/** Whole-text scan: the reference, and the answer when paragraphs are not separated by blanks. */
export function scanWordStarts(text: string, wanted: Set<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!wanted.has(m[0])) continue;
    const list = out.get(m[0]);
    if (list) list.push(m.index);
    else out.set(m[0], [m.index]);
  }
  return out;
}

/**
 * The same answer from the paragraphs' word lists. Only whitespace lies between paragraphs, so no
 * word spans two unless a paragraph was cut hard inside one (no blank between): then the scan.
 */
export function paragraphWordStarts(text: string, paragraphs: Paragraph[], wordsOf: (i: number) => ParagraphWords): WordStarts {
  for (let i = 1; i < paragraphs.length; i++) {
    const prev = paragraphs[i - 1];
    if (paragraphs[i].start <= prev.start + prev.text.length) return (wanted) => scanWordStarts(text, wanted);
  }
  return (wanted) => {
    const out = new Map<string, number[]>();
    paragraphs.forEach((p, i) => {
      const { words, starts } = wordsOf(i);
      for (let k = 0; k < words.length; k++) {
        if (!wanted.has(words[k])) continue;
        let list = out.get(words[k]);
        if (!list) out.set(words[k], (list = []));
        for (const s of starts[k]) list.push(p.start + s);
      }
    });
    return out;
  };
}
