// Quotes across the indexed corpus: each with its document, line and speaker's canonical name,
// the engine's quotes with the user's corrections applied (quotes are part of the index like mentions).
import { LineMap } from './locations';
import type { EntityIndex, QuoteWithProvenance } from './types';

export interface QuoteLocation {
  path: string;
  /** 0-based line of the quote's start. */
  line: number;
  quote: QuoteWithProvenance;
  /** Canonical name of the speaker entity, or null when unattributed. */
  speakerName: string | null;
}

export function corpusQuotes(index: EntityIndex): QuoteLocation[] {
  const out: QuoteLocation[] = [];
  for (const path of index.documents()) {
    const doc = index.getDocument(path);
    const text = index.getText(path);
    const quotes = doc?.quotes ?? [];
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
export function speakerQuotes(index: EntityIndex, ids: ReadonlySet<string>): { path: string; quote: QuoteWithProvenance }[] {
  const out: { path: string; quote: QuoteWithProvenance }[] = [];
  for (const path of index.documents()) {
    for (const quote of index.getDocument(path)?.quotes ?? []) if (quote.speaker && ids.has(quote.speaker)) out.push({ path, quote });
  }
  return out;
}
