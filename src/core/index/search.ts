// Fuzzy entity search over canonical names and aliases: accent- and case-folded ("securite"
// finds "Sécurité"), ranked by match quality, then by how often the entity is mentioned.
import Fuse from 'fuse.js';
import { foldKey } from '../model';
import type { EntityRecord, SearchOptions, SearchResult } from './types';

interface Row {
  entity: EntityRecord;
  name: string;
  folded: string;
}

export class EntitySearch {
  private fuse: Fuse<Row> | undefined;
  private rows: Row[] = [];

  /** Rebuilt lazily on the next search after the registry changed. */
  invalidate(entities: () => Iterable<EntityRecord>): void {
    this.source = entities;
    this.fuse = undefined;
  }

  private source: () => Iterable<EntityRecord> = () => [];

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const q = foldKey(query);
    const limit = options.limit ?? 20;
    const types = options.types?.length ? new Set(options.types) : undefined;
    if (!this.fuse) {
      this.rows = [];
      for (const entity of this.source()) {
        for (const name of [entity.canonical, ...entity.aliases]) this.rows.push({ entity, name, folded: foldKey(name) });
      }
      this.fuse = new Fuse(this.rows, { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: 0.35 });
    }
    const best = new Map<string, SearchResult>();
    const hits = q
      ? this.fuse.search(q).map((h) => ({ row: h.item, score: h.score ?? 1 }))
      : this.rows.filter((r) => r.name === r.entity.canonical).map((row) => ({ row, score: 1 }));
    // Short queries are all noise when fuzzy ("wmo" ~ "monday"): the shorter, the stricter.
    const cutoff = q.length <= 3 ? 0.05 : q.length <= 5 ? 0.25 : 1;
    for (const { row, score } of hits) {
      if (types && !types.has(row.entity.type)) continue;
      if (q && score > cutoff && !row.folded.includes(q)) continue;
      // A name that starts with the query beats a match in the middle of a word.
      const adjusted = row.folded === q ? 0 : row.folded.startsWith(q) ? score / 2 : score;
      const prev = best.get(row.entity.id);
      if (!prev || adjusted < prev.score) best.set(row.entity.id, { entity: row.entity, score: adjusted, matched: row.name });
    }
    return [...best.values()]
      .sort((a, b) => bucket(a.score) - bucket(b.score) || b.entity.counts.mentions - a.entity.counts.mentions || (a.entity.canonical < b.entity.canonical ? -1 : 1))
      .slice(0, limit);
  }
}

/** Scores within 0.05 are the same match quality, so mention count decides between them. */
function bucket(score: number): number {
  return Math.round(score * 20);
}
