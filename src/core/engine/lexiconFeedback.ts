// Applies the user's lexicon (derived from annotations by the index): confirmed/manual names are
// recognised everywhere and win overlaps, rejected forms are suppressed, relabels force a type,
// and merges re-point entity ids after grouping.
import type { Entity, Lexicon, Mention } from '../model';
import { entityId } from '../model';
import type { DocCandidate } from './consistency';

export interface LexiconCandidate extends DocCandidate {
  forcedEntity?: string;
  forcedCanonical?: string;
}

export function lexiconCandidates(text: string, lexicon: Lexicon): LexiconCandidate[] {
  const out: LexiconCandidate[] = [];
  for (const e of lexicon.entries) {
    if (!e.text || !e.text.trim()) continue;
    let i = text.indexOf(e.text);
    let guard = 0;
    while (i >= 0 && guard++ < 100000) {
      const end = i + e.text.length;
      if (!/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[end] ?? '')) {
        out.push({ start: i, end, text: e.text, type: e.type, source: 'lexicon', confidence: 1, forcedEntity: e.entity ?? entityId(e.type, e.canonical ?? e.text), forcedCanonical: e.canonical });
      }
      i = text.indexOf(e.text, i + 1);
    }
  }
  return out;
}

export function isSuppressed(c: { text: string; type: string; source: string }, lexicon: Lexicon): boolean {
  if (c.source === 'lexicon') return false;
  return lexicon.suppress.some((s) => s.text === c.text && (!s.type || s.type === c.type));
}

export function relabel<T extends { text: string; type: string; source: string }>(c: T, lexicon: Lexicon): void {
  if (c.source === 'lexicon') return;
  const r = lexicon.relabel.find((x) => x.text === c.text);
  if (r) c.type = r.type;
}

/** Re-points merged entity ids; the surviving entity collects the other's names. */
export function applyMerges(mentions: Mention[], entities: Entity[], lexicon: Lexicon): Entity[] {
  if (!lexicon.merges.length) return entities;
  const into = new Map<string, string>();
  for (const m of lexicon.merges) if (m.from !== m.into) into.set(m.from, m.into);
  const target = (id: string): string => {
    let cur = id;
    for (let hops = 0; into.has(cur) && hops < 50; hops++) cur = into.get(cur)!;
    return cur;
  };
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    const id = target(e.id);
    const existing = byId.get(id);
    if (!existing) {
      byId.set(id, { ...e, id, aliases: [...e.aliases] });
      continue;
    }
    const names = new Set([...existing.aliases, ...e.aliases, e.canonical]);
    names.delete(existing.canonical);
    existing.aliases = [...names].sort();
  }
  for (const m of mentions) m.entity = target(m.entity);
  return [...byId.values()];
}
