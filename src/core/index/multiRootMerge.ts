// How MultiRootIndex shows one entity known in several folders: one record, counts summed.
import type { Lexicon } from '../model';
import type { EntityRecord } from './types';

/** One record from each folder's record of the same entity (the first folder's name and type win). */
export function mergeEntityRecords(records: readonly EntityRecord[]): EntityRecord {
  const [first, ...rest] = records;
  if (!rest.length) return first;
  const aliases = new Set(first.aliases);
  const mergedIds = new Set(first.mergedIds);
  const notes = [...first.notes];
  const counts = { ...first.counts };
  let { created, updated } = first;
  for (const r of rest) {
    for (const a of r.aliases) if (a !== first.canonical) aliases.add(a);
    if (r.canonical !== first.canonical) aliases.add(r.canonical);
    for (const m of r.mergedIds) mergedIds.add(m);
    notes.push(...r.notes);
    counts.mentions += r.counts.mentions;
    counts.documents += r.counts.documents;
    if (r.created < created) created = r.created;
    if (r.updated > updated) updated = r.updated;
  }
  return {
    ...first,
    geo: first.geo ?? rest.find((r) => r.geo)?.geo,
    value: first.value ?? rest.find((r) => r.value)?.value,
    aliases: [...aliases].sort(),
    mergedIds: [...mergedIds],
    notes: notes.sort((a, b) => a.created.localeCompare(b.created)),
    counts,
    created,
    updated,
  };
}

/** Every folder's lexicon at once (for a text in no folder). */
export function mergeLexicons(lexicons: readonly Lexicon[]): Lexicon {
  return {
    entries: lexicons.flatMap((l) => l.entries),
    suppress: lexicons.flatMap((l) => l.suppress),
    relabel: lexicons.flatMap((l) => l.relabel),
    merges: lexicons.flatMap((l) => l.merges),
  };
}
