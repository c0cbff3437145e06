// The per-paragraph pass: dates first (so names never swallow them), then names. Its result
// depends only on the paragraph's text, which makes it the unit of the incremental cache.
import type { ParagraphResult } from './types';
import { findDates } from './dates/grammar';
import { findNames } from './names';

export interface ParagraphOptions {
  /** compromise's tagger is skipped on huge documents so analysis stays bounded. */
  useTagger: boolean;
}

export function analyzeParagraph(text: string, opts: ParagraphOptions): ParagraphResult {
  try {
    const dates = findDates(text);
    const names = findNames(text, dates, opts.useTagger);
    return { candidates: [...dates, ...names].sort((a, b) => a.start - b.start) };
  } catch {
    // One bad paragraph must not cost the document; it simply contributes nothing.
    return { candidates: [] };
  }
}
