// Fuzzy entity search over canonical names and aliases: accent- and case-folded ("securite"
// finds "Sécurité"), ranked by match quality, then by how often the entity is mentioned.
import Fuse from 'fuse.js';
import { foldKey } from '../model';
import { BigramIndex } from './searchPrefilter';
import type { EntityRecord, SearchOptions, SearchResult } from './types';

/** fuse.js's threshold; the server search (pg/search.ts) derives its edit budget from it too. */
export const FUZZY_THRESHOLD = 0.35;
const FUSE_OPTIONS = { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: FUZZY_THRESHOLD };
/** fuse.js cuts longer queries into 32-letter chunks, which the pigeonhole bound does not cover. */
export const MAX_FILTERED_QUERY = 32;

interface Row {
  entity: EntityRecord;
  name: string;
  folded: string;
}

export class EntitySearch {
  private fuse: Fuse<Row> | undefined;
  private rows: Row[] = [];
  private grams: BigramIndex | undefined;
  /** fuse.js's index records of every row, built once: a keystroke's subset reuses them. */
  private records: FuseIndexRecords = [];
  /** Entities by mentions, then name (the counts are read when the registry is rebuilt). */
  private ranked: EntityRecord[] = [];
  private rankOf = new Map<EntityRecord, number>();
  /** Row indices of each ranked entity (built on the first one-letter query). */
  private rowsOf: number[][] | undefined;
  /** Names of 64+ words would make an exact hit's score reach the second bucket (see exactHits). */
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
    const cutoff = cutoffFor(q);
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
    this.fuse = new Fuse(this.rows, FUSE_OPTIONS);
    this.grams = undefined;
    if (this.options.prefilter !== false) {
      this.grams = new BigramIndex(this.rows.map((r) => r.folded));
      this.records = this.fuse.getIndex().records as FuseIndexRecords;
      this.ranked = [...new Set(this.rows.map((r) => r.entity))].sort(byMentionsThenName);
      this.rankOf = new Map(this.ranked.map((e, i) => [e, i]));
      this.rowsOf = undefined;
    }
    return this.fuse;
  }

  /** fuse.js over the pre-filtered rows, in registry order, so fuse's ties (by row order) stay as they were. */
  private scorer(q: string, limit: number, types: Set<string> | undefined, all: Fuse<Row>): Fuse<Row> {
    if (!this.grams || q.length > MAX_FILTERED_QUERY) return all;
    const rows = this.exactHits(q, limit, types) ?? this.fuzzyRows(q);
    // The subset's index is the full index's records renumbered: no name is normalised again.
    const index = Fuse.parseIndex<Row>({ keys: all.getIndex().keys, records: rows.map((row, i) => ({ ...this.records[row], i })) } as Parameters<typeof Fuse.parseIndex<Row>>[0]);
    return new Fuse(rows.map((i) => this.rows[i]), FUSE_OPTIONS, index);
  }

  /**
   * The rows that may pass the cutoff: within fuse's edit budget, and either containing the query or
   * short enough in words that one edit scores under the cutoff. fuse.js scores a row with d edits
   * of an m-letter query (d/m)^n, n its field norm (1/√words), so a row of n < 1 needs 1/m ≤ cutoff^(1/n).
   */
  private fuzzyRows(q: string): number[] {
    const cutoff = cutoffFor(q);
    return this.grams!.candidates(q, FUSE_OPTIONS.threshold).filter((row) => cutoff >= 1 || Math.pow(1 / q.length, (this.records[row].$?.[0] as { n: number }).n) <= cutoff || this.rows[row].folded.includes(q));
  }

  /**
   * Rows containing the query exactly score ~0, bucket 0, ahead of every fuzzy match (one edit in
   * at most 32 letters already scores 1/32, bucket 1), and bucket 0 ranks by mentions, then name.
   * So when at least `limit` entities contain the query, fuse.js only has to score those top
   * entities' rows. Up to three letters only exact substrings pass the cutoff at all, so this
   * path answers them whatever the count. Undefined: score the fuzzy candidates instead.
   */
  private exactHits(q: string, limit: number, types: Set<string> | undefined): number[] | undefined {
    if (!this.grams || this.longestName >= 64) return undefined;
    if (q.length === 1) return this.topContaining(q, limit, types);
    const containing = this.grams.containing(q);
    const hit = new Uint8Array(this.ranked.length);
    let entities = 0;
    for (const row of containing) {
      const r = this.rankOf.get(this.rows[row].entity)!;
      if (hit[r] || (types && !types.has(this.ranked[r].type))) continue;
      hit[r] = 1;
      entities++;
    }
    if (entities < limit && q.length > 3) return undefined;
    // The first `limit` entities in rank order, and any tied with the last of them.
    let taken = 0;
    let last = -1;
    for (let r = 0; r < hit.length; r++) {
      if (!hit[r]) continue;
      if (taken >= limit && byMentionsThenName(this.ranked[r], this.ranked[last]) !== 0) {
        hit.fill(0, r);
        break;
      }
      taken++;
      last = r;
    }
    return containing.filter((row) => hit[this.rankOf.get(this.rows[row].entity)!]);
  }

  /** One letter is in most names: walk the entities in rank order and stop after `limit` (and ties). */
  private topContaining(q: string, limit: number, types: Set<string> | undefined): number[] {
    if (!this.rowsOf) {
      this.rowsOf = this.ranked.map(() => [] as number[]);
      this.rows.forEach((r, i) => this.rowsOf![this.rankOf.get(r.entity)!].push(i));
    }
    const out: number[] = [];
    let taken = 0;
    let last: EntityRecord | undefined;
    for (let r = 0; r < this.ranked.length; r++) {
      const e = this.ranked[r];
      if (types && !types.has(e.type)) continue;
      const rows = this.rowsOf[r].filter((i) => this.rows[i].folded.includes(q));
      if (!rows.length) continue;
      if (taken >= limit && last && byMentionsThenName(e, last) !== 0) break;
      out.push(...rows);
      taken++;
      last = e;
    }
    return out.sort((a, b) => a - b);
  }
}

/** Short queries are all noise when fuzzy ("wmo" ~ "monday"): the shorter, the stricter. */
function cutoffFor(q: string): number {
  return q.length <= 3 ? 0.05 : q.length <= 5 ? 0.25 : 1;
}

type FuseIndexRecords = ReturnType<Fuse<Row>['getIndex']>['records'];

function byMentionsThenName(a: EntityRecord, b: EntityRecord): number {
  return b.counts.mentions - a.counts.mentions || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
}

/** Scores within 0.05 are the same match quality, so mention count decides between them. */
function bucket(score: number): number {
  return Math.round(score * 20);
}
