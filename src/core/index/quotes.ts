// Quotes across the indexed corpus: each with its document, line and speaker's canonical name,
// read from the cached analyses (quotes are part of the index like mentions).
import type { Quote } from '../model';
import { LineMap } from './locations';
import type { EntityIndex } from './types';

export interface QuoteLocation {
  path: string;
  /** 0-based line of the quote's start. */
  line: number;
  quote: Quote;
  /** Canonical name of the speaker entity, or null when unattributed. */
  speakerName: string | null;
}

export function corpusQuotes(index: EntityIndex): QuoteLocation[] {
  const out: QuoteLocation[] = [];
  for (const path of index.documents()) {
    const doc = index.getDocument(path);
    const text = index.getText(path);
    const quotes = doc?.analysis.quotes ?? [];
    if (!quotes.length || text === undefined) continue;
    const lines = new LineMap(text);
    for (const q of quotes) {
      const speakerName = q.speaker ? (index.getEntity(q.speaker)?.canonical ?? doc?.analysis.entities.find((e) => e.id === q.speaker)?.canonical ?? q.speaker) : null;
      out.push({ path, line: lines.lineOf(q.start), quote: q, speakerName });
    }
  }
  return out;
}

/** The quotes of one speaker (any of its ids: merges keep the old ones), in index order. */
export function speakerQuotes(index: EntityIndex, ids: ReadonlySet<string>): { path: string; quote: Quote }[] {
  const out: { path: string; quote: Quote }[] = [];
  for (const path of index.documents()) {
    for (const quote of index.getDocument(path)?.analysis.quotes ?? []) if (quote.speaker && ids.has(quote.speaker)) out.push({ path, quote });
  }
  return out;
}
