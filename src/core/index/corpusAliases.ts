// Aliases across documents: an article that only says "Abaaoud" or "WMO" is linked to the
// entity another article names in full, when exactly one entity in the workspace fits.
// The engine groups aliases within one text; only the index sees the whole corpus.
import { entityId, foldKey, type Entity, type Lexicon } from '../model';

/** Short entity id -> full entity id. */
export type CorpusAliases = ReadonlyMap<string, string>;

export function corpusAliases(entityLists: readonly (readonly Entity[])[], lexicon: Lexicon): Map<string, string> {
  // Ids the user ruled on (taught, linked, split off, merged) are never moved behind their back.
  const ruled = new Set(lexicon.entries.map((e) => e.entity ?? entityId(e.type, e.canonical ?? e.text)));
  for (const m of lexicon.merges) ruled.add(m.from);
  const byAlias = new Map<string, Set<string>>();
  /** Folded trailing tokens of full person names ("vries", "de vries") -> their ids. */
  const bySurname = new Map<string, Set<string>>();
  const short = new Map<string, Entity>();
  const add = (m: Map<string, Set<string>>, key: string, id: string) => (m.get(key) ?? m.set(key, new Set()).get(key))!.add(id);
  for (const list of entityLists) {
    for (const e of list) {
      if (e.type === 'DATE') continue;
      const canonical = foldKey(e.canonical);
      const tokens = canonical.split(' ');
      for (const alias of e.aliases) if (foldKey(alias) !== canonical) add(byAlias, `${e.type}\u0000${foldKey(alias)}`, e.id);
      // "Vries", "de Vries" and "Marieke de Vries" all end "Sir Marieke de Vries".
      if (e.type === 'PERSON') for (let i = 1; i < tokens.length; i++) add(bySurname, tokens.slice(i).join(' '), e.id);
      if ((tokens.length === 1 || e.type === 'PERSON') && !ruled.has(e.id)) short.set(e.id, e);
    }
  }
  const out = new Map<string, string>();
  for (const [id, e] of short) {
    const key = foldKey(e.canonical);
    // Evidence first: another document grouped this very name under a fuller entity.
    let candidates = [...(byAlias.get(`${e.type}\u0000${key}`) ?? [])].filter((c) => c !== id);
    if (candidates.length === 0 && e.type === 'PERSON') candidates = [...(bySurname.get(key) ?? [])].filter((c) => c !== id);
    if (candidates.length === 1) out.set(id, candidates[0]);
  }
  return out;
}

/** Follows user merges, then corpus aliases, then merges again (the full entity may be merged). */
export function resolver(merges: (id: string) => string, aliases: CorpusAliases): (id: string) => string {
  return (id) => {
    let cur = merges(id);
    // "Vries" -> "de Vries" -> "Marieke de Vries": follow short chains, never loop.
    for (let hops = 0; hops < 4 && aliases.has(cur); hops++) cur = merges(aliases.get(cur) as string);
    return cur;
  };
}
