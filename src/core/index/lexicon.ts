// Feedback into extraction: the user's annotations become a Lexicon the engine analyses with.
// Later decisions on the same surface form win over earlier ones (confirm after reject, …).
import { EMPTY_LEXICON, entityId, type Lexicon, type LexiconEntry } from '../model';
import { contentHash } from './contentHash';
import { stableStringify } from './stableJson';
import type { Annotation } from './types';

/**
 * Whether a ruling on one mention may teach its surface form to every document. Dates are not
 * names (their value depends on each document's own date, and "this" or "October" marked in one
 * article would cut "October 2007" in another), nor are lower-case descriptions that open with a
 * determiner ("the company", "its chairman"): those rulings stay on the mention they were made on.
 * A lower-case word marked as a name on purpose ("delays" as a person) is taught like any name.
 */
const DESCRIPTION = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your)\s/i;
export function teachesEverywhere(text: string, type: string | undefined): boolean {
  return type !== undefined && type !== 'DATE' && (/[\p{Lu}\p{N}]/u.test(text) || !DESCRIPTION.test(text));
}

/** Annotations in the order they were made (created, then id: a total, stable order). */
export function chronological(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function deriveLexicon(annotations: readonly Annotation[]): Lexicon {
  const entries = new Map<string, LexiconEntry>();
  const suppress = new Map<string, { text: string }>();
  const relabel = new Map<string, { text: string; type: LexiconEntry['type'] }>();
  const merges = new Map<string, string>();
  // A form the researcher rejected (here) more often than they taught it is ambiguous: it is
  // not recognised everywhere, though each ruling still holds on its own mention.
  const balance = new Map<string, number>();
  for (const a of annotations) {
    const exact = a.target?.selector[0].exact;
    if (!exact) continue;
    const step = a.kind === 'reject' && !a.body.everywhere ? -1 : a.kind === 'add' || a.kind === 'confirm' || a.kind === 'link' ? 1 : 0;
    balance.set(exact, (balance.get(exact) ?? 0) + step);
  }
  const teach = (entry: LexiconEntry) => {
    if (!teachesEverywhere(entry.text, entry.type) || (balance.get(entry.text) ?? 0) < 0) return;
    suppress.delete(entry.text);
    entries.set(entry.text, entry);
  };
  for (const a of chronological(annotations)) {
    const exact = a.target?.selector[0].exact ?? '';
    const { type, entity } = a.body;
    switch (a.kind) {
      case 'add':
      case 'confirm':
      case 'link':
        if (exact && type) teach({ text: exact, type, entity: entity ?? entityId(type, exact) });
        break;
      case 'relabel':
        if (exact && type) {
          if (teachesEverywhere(exact, type)) relabel.set(exact, { text: exact, type });
          const old = entries.get(exact);
          if (old && old.type !== type) entries.delete(exact);
        }
        break;
      case 'reject':
        if (exact && a.body.everywhere) {
          entries.delete(exact);
          relabel.delete(exact);
          suppress.set(exact, { text: exact });
        }
        break;
      case 'merge':
        if (a.body.from && entity && a.body.from !== entity) merges.set(a.body.from, entity);
        break;
      case 'split':
        if (a.body.alias && type) {
          const name = a.body.name ?? a.body.alias;
          teach({ text: a.body.alias, type, entity: splitEntityId(a), canonical: name });
        }
        break;
      default:
        break; // rename and note change the registry, not extraction
    }
  }
  const byText = <T extends { text: string }>(m: Map<string, T>) => [...m.values()].sort((x, y) => (x.text < y.text ? -1 : 1));
  return {
    entries: byText(entries),
    suppress: byText(suppress),
    relabel: byText(relabel),
    merges: [...merges].map(([from, into]) => ({ from, into })).sort((x, y) => (x.from < y.from ? -1 : 1)),
  };
}

/** The id of the entity a split annotation creates. */
export function splitEntityId(a: Annotation): string {
  return entityId(a.body.type ?? 'PERSON', a.body.name ?? a.body.alias ?? 'x');
}

/**
 * The part of the lexicon that can change this text's analysis: names that occur in it.
 * Merges are left out on purpose: the index applies them after analysis, so a merge (or its
 * undo) re-analyses nothing.
 */
export function lexiconForText(lexicon: Lexicon, text: string): Lexicon {
  const occurs = (e: { text: string }) => e.text.length > 0 && text.includes(e.text);
  return {
    ...EMPTY_LEXICON,
    entries: lexicon.entries.filter(occurs),
    suppress: lexicon.suppress.filter(occurs),
    relabel: lexicon.relabel.filter(occurs),
  };
}

export function lexiconHash(lexicon: Lexicon): string {
  return contentHash(stableStringify(lexicon));
}

/** from -> final surviving id, following chains (a->b, b->c) and ignoring cycles. */
export function mergeMap(lexicon: Lexicon): (id: string) => string {
  const direct = new Map(lexicon.merges.map((m) => [m.from, m.into]));
  return (id: string) => {
    const seen = new Set<string>([id]);
    let cur = id;
    while (direct.has(cur)) {
      const next = direct.get(cur) as string;
      if (seen.has(next)) break;
      seen.add(next);
      cur = next;
    }
    return cur;
  };
}

/** Surface forms whose entry, suppression or relabel differs between two lexicons. */
export function changedNames(a: Lexicon, b: Lexicon): Set<string> {
  const out = new Set<string>();
  const key = (lex: Lexicon) => {
    const m = new Map<string, string>();
    const add = (kind: string, e: { text: string }) => m.set(e.text, `${m.get(e.text) ?? ''}|${kind}:${JSON.stringify(e)}`);
    lex.entries.forEach((e) => add('e', e));
    lex.suppress.forEach((e) => add('s', e));
    lex.relabel.forEach((e) => add('r', e));
    return m;
  };
  const ka = key(a);
  const kb = key(b);
  for (const [text, v] of ka) if (kb.get(text) !== v) out.add(text);
  for (const text of kb.keys()) if (!ka.has(text)) out.add(text);
  return out;
}
