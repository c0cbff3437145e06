// Fuzzy entity search over canonical names and aliases: accent- and case-folded ("securite"
// finds "Sécurité"), ranked by match quality, then by how often the entity is mentioned.
import Fuse from 'fuse.js';
import { foldKey } from '../model';
import { BigramIndex } from './searchPrefilter';
import type { EntityRecord, SearchOptions, SearchResult } from './types';

const FUSE_OPTIONS = { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: 0.35 };
/** fuse.js cuts longer queries into 32-letter chunks, which the pigeonhole bound does not cover. */
const MAX_FILTERED_QUERY = 32;

interface Row {
  entity: EntityRecord;
  name: string;
  folded: string;
}

export class EntitySearch {
  private fuse: Fuse<Row> | undefined;
  private rows: Row[] = [];
  private grams: BigramIndex | undefined;
  /** Names of 64+ words would make an exact hit's score reach the second bucket (see shortHits). */
  private longestName = 0;

  /** `prefilter: false` is the plain fuse.js scan over every name, kept for the bench's baseline. */
  constructor(private readonly options: { prefilter?: boolean } = {}) {}

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
    const fuse = this.build();
    const best = new Map<string, SearchResult>();
    const hits = q
      ? this.scorer(q, limit, types, fuse).search(q).map((h) => ({ row: h.item, score: h.score ?? 1 }))
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

  private build(): Fuse<Row> {
    if (this.fuse) return this.fuse;
    this.rows = [];
    for (const entity of this.source()) {
      for (const name of [entity.canonical, ...entity.aliases]) this.rows.push({ entity, name, folded: foldKey(name) });
    }
    this.longestName = Math.max(0, ...this.rows.map((r) => r.folded.split(' ').length));
    this.grams = this.options.prefilter === false ? undefined : new BigramIndex(this.rows.map((r) => r.folded));
    this.fuse = new Fuse(this.rows, FUSE_OPTIONS);
    return this.fuse;
  }

  /** fuse.js over the pre-filtered rows, in registry order, so fuse's ties (by row order) stay as they were. */
  private scorer(q: string, limit: number, types: Set<string> | undefined, all: Fuse<Row>): Fuse<Row> {
    if (!this.grams || q.length > MAX_FILTERED_QUERY) return all;
    const rows = q.length <= 3 ? this.shortHits(q, limit, types) : this.grams.candidates(q, FUSE_OPTIONS.threshold).map((i) => this.rows[i]);
    return rows ? new Fuse(rows, FUSE_OPTIONS) : all;
  }

  /**
   * Up to three letters only exact substrings pass the cutoff, and all of them score in bucket 0,
   * so the ranking is by mentions, then name: fuse.js only has to score the top `limit` entities' rows.
   */
  private shortHits(q: string, limit: number, types: Set<string> | undefined): Row[] | undefined {
    if (!this.grams || this.longestName >= 64) return undefined;
    const rows = this.grams.containing(q).map((i) => this.rows[i]).filter((r) => !types || types.has(r.entity.type));
    const entities = [...new Set(rows.map((r) => r.entity))].sort(byMentionsThenName);
    const last = entities[Math.min(limit, entities.length) - 1];
    const kept = new Set(entities.filter((e, i) => i < limit || (last && byMentionsThenName(e, last) === 0)));
    return rows.filter((r) => kept.has(r.entity));
  }
}

function byMentionsThenName(a: EntityRecord, b: EntityRecord): number {
  return b.counts.mentions - a.counts.mentions || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
}

/** Scores within 0.05 are the same match quality, so mention count decides between them. */
function bucket(score: number): number {
  return Math.round(score * 20);
}
