// Read-side queries over the indexed documents: where an entity is mentioned, where it is
// defined, and which mention or quote sits under a cursor.
import { foldKey } from '../model';
import { linesOf, type DocumentState } from './documentState';
import { mostOverlapping } from './quoteOverlay';
import type { EntityRecord, MentionLocation, MentionWithProvenance } from './types';

export function mentionsOf(docs: ReadonlyMap<string, DocumentState>, entityId: string): MentionLocation[] {
  const out: MentionLocation[] = [];
  for (const path of [...docs.keys()].sort()) {
    const doc = docs.get(path) as DocumentState;
    for (const mention of doc.mentions) {
      if (mention.entity !== entityId || mention.provenance === 'rejected') continue;
      out.push(locate(doc, mention));
    }
  }
  return out;
}

export function locate(doc: DocumentState, mention: MentionWithProvenance): MentionLocation {
  const lines = linesOf(doc);
  const { line, character } = lines.position(mention.start);
  return { path: doc.path, mention, line, character, context: lines.context(mention.start, mention.end) };
}

/** The first mention spelling out the canonical name ("Abdelhamid Abaaoud", not "Abaaoud"). */
export function definitionOf(docs: ReadonlyMap<string, DocumentState>, entity: EntityRecord): MentionLocation | undefined {
  const all = mentionsOf(docs, entity.id);
  const full = foldKey(entity.canonical);
  return all.find((l) => foldKey(l.mention.text) === full) ?? [...all].sort((a, b) => b.mention.text.length - a.mention.text.length)[0];
}

export function mentionAt(doc: DocumentState, offset: number): MentionWithProvenance | undefined {
  // A cursor just after the last letter of a name still counts as on it.
  return doc.mentions.find((m) => m.provenance !== 'rejected' && m.start <= offset && offset <= m.end);
}

/** A cursor inside a quote (or just after it), else the quote a selection overlaps most. */
export function quoteAt<Q extends { start: number; end: number }>(quotes: readonly Q[], start: number, end = start): Q | undefined {
  if (start === end) return quotes.find((q) => q.start <= start && start < q.end) ?? quotes.find((q) => q.end === start);
  return quotes[mostOverlapping(quotes, start, end)];
}
