// The IndexStore and AnalysisStore over PostgreSQL: annotations one row each (the W3C JSON, as in
// .dossier/annotations.json), the registry one row per entity with its names for trigram search,
// and the engine analyses by cache key. Writes are read-merge-write in one transaction under the
// project's advisory lock: the file store's merge rules, with the database as the shared file.
import type { PoolClient } from 'pg';
import type { Analysis } from '../../model';
import { contentHash } from '../contentHash';
import type { AnalysisStore, IndexStore, Loaded } from '../indexStore';
import { isAnnotation } from '../store';
import type { Annotation, EntityRecord } from '../types';
import { searchable, type TeamDb } from './teamDb';

type StoredEntity = Omit<EntityRecord, 'counts'>;

export class PgIndexStore implements IndexStore {
  constructor(private readonly db: TeamDb) {}

  /** What the last locked read saw: log position and annotation texts by id. */
  private seen: { seq: number; rows: Map<string, string>; parsed: Map<string, unknown> } | undefined;

  async loadAnnotations(): Promise<Loaded<Annotation>> {
    const r = await this.db.pool.query<{ annotation: string }>('SELECT annotation::text AS annotation FROM dossier_annotations WHERE project = $1 ORDER BY created, id', [this.db.project]);
    const items: Annotation[] = [];
    const unreadable: unknown[] = [];
    for (const row of r.rows) {
      const a: unknown = JSON.parse(row.annotation);
      if (isAnnotation(a)) items.push(a);
      else unreadable.push(a);
    }
    return { items, unreadable };
  }

  async loadEntities(): Promise<Loaded<EntityRecord>> {
    const r = await this.db.pool.query<{ record: string }>('SELECT record::text AS record FROM dossier_entities WHERE project = $1 ORDER BY id', [this.db.project]);
    const items: EntityRecord[] = [];
    const unreadable: unknown[] = [];
    for (const row of r.rows) {
      const x = JSON.parse(row.record) as EntityRecord;
      if (typeof x?.id === 'string' && typeof x.canonical === 'string' && Array.isArray(x.aliases)) items.push(x);
      else unreadable.push(x);
    }
    return { items, unreadable };
  }

  saveAnnotations(merge: (stored: Loaded<Annotation>) => { items: Annotation[]; unreadable: unknown[] }): Promise<Annotation[]> {
    const write = this.db.tx(async (c) => {
      const { loaded, texts } = await this.readAnnotations(c);
      const next = merge(loaded);
      const keep = new Set(next.items.map((a) => a.id));
      // What the merge kept as read is unchanged (same object): only the others are compared as text.
      const read = new Set(loaded.items);
      const changed = next.items.filter((a) => !read.has(a) && texts.get(a.id) !== JSON.stringify(a));
      const gone = loaded.items.filter((a) => !keep.has(a.id)).map((a) => a.id);
      let seq = await this.putAnnotations(c, changed);
      if (gone.length) {
        await c.query('DELETE FROM dossier_annotations WHERE project = $1 AND id = ANY($2::text[])', [this.db.project, gone]);
        const r = await c.query<{ s: string }>("INSERT INTO dossier_annotation_log (project, op, id) SELECT $1, 'delete', unnest($2::text[]) RETURNING seq AS s", [this.db.project, gone]);
        seq = Math.max(seq ?? 0, ...r.rows.map((x) => Number(x.s)));
      }
      this.wrote(seq, changed, gone);
      return next.items;
    });
    // A failed commit may have left the cached view ahead of the database: read it afresh next time.
    return write.catch((err: unknown) => {
      this.seen = undefined;
      throw err;
    });
  }

  async saveEntities(records: readonly StoredEntity[], _unreadable: unknown[]): Promise<void> {
    const texts = new Map(records.map((r) => [r.id, JSON.stringify(r)]));
    await this.db.tx(async (c) => {
      const stored = await c.query<{ id: string; digest: string }>('SELECT id, digest FROM dossier_entities WHERE project = $1', [this.db.project]);
      const digests = new Map(stored.rows.map((r) => [r.id, r.digest]));
      const gone = stored.rows.filter((r) => !texts.has(r.id)).map((r) => r.id);
      const changed = records.filter((r) => digests.get(r.id) !== contentHash(texts.get(r.id) as string));
      const p = this.db.project;
      if (gone.length) await c.query('DELETE FROM dossier_entities WHERE project = $1 AND id = ANY($2::text[])', [p, gone]);
      if (!changed.length) return;
      const ids = changed.map((r) => r.id);
      await c.query(
        `INSERT INTO dossier_entities (project, id, type, canonical, aliases, notes, record, digest)
         SELECT $1, id, type, canonical, aliases::text[], notes::json, record::json, digest
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(id, type, canonical, aliases, notes, record, digest)
         ON CONFLICT (project, id) DO UPDATE SET type = excluded.type, canonical = excluded.canonical, aliases = excluded.aliases,
           notes = excluded.notes, record = excluded.record, digest = excluded.digest`,
        [p, ids, changed.map((r) => r.type), changed.map((r) => searchable(r.canonical)), changed.map((r) => pgArray(r.aliases.map(searchable))),
          changed.map((r) => JSON.stringify(r.notes ?? [])), changed.map((r) => texts.get(r.id)), changed.map((r) => contentHash(texts.get(r.id) as string))],
      );
      await c.query('DELETE FROM dossier_entity_names WHERE project = $1 AND entity = ANY($2::text[])', [p, ids]);
      const names = changed.flatMap((r) => [...new Set([r.canonical, ...r.aliases].map(searchable))].map((name) => [r.id, name]));
      await c.query('INSERT INTO dossier_entity_names (project, entity, name) SELECT $1, * FROM unnest($2::text[], $3::text[])', [p, names.map((n) => n[0]), names.map((n) => n[1])]);
    });
  }

  async ensureGitignore(): Promise<void> {
    // Nothing to prepare: the schema was migrated when the pool opened.
  }

  /**
   * The stored annotations, read under the project lock. The first read takes the table; later
   * ones apply only the log entries since (writers are serialised, so log order is commit order),
   * which keeps a write O(changes) however many annotations the project holds.
   */
  private async readAnnotations(c: PoolClient): Promise<{ loaded: Loaded<Annotation>; texts: Map<string, string> }> {
    const p = this.db.project;
    if (!this.seen) {
      const r = await c.query<{ id: string; annotation: string }>('SELECT id, annotation::text AS annotation FROM dossier_annotations WHERE project = $1 ORDER BY created, id', [p]);
      const seq = await c.query<{ s: string | null }>('SELECT max(seq) AS s FROM dossier_annotation_log WHERE project = $1', [p]);
      this.seen = { seq: Number(seq.rows[0].s ?? 0), rows: new Map(r.rows.map((row) => [row.id, row.annotation])), parsed: new Map() };
    } else {
      const r = await c.query<{ seq: string; op: string; id: string; annotation: string | null }>(
        'SELECT seq, op, id, annotation::text AS annotation FROM dossier_annotation_log WHERE project = $1 AND seq > $2 ORDER BY seq', [p, this.seen.seq]);
      for (const row of r.rows) {
        this.seen.parsed.delete(row.id);
        if (row.op === 'delete') this.seen.rows.delete(row.id);
        else this.seen.rows.set(row.id, row.annotation as string);
        this.seen.seq = Number(row.seq);
      }
    }
    const items: Annotation[] = [];
    const unreadable: unknown[] = [];
    const texts = new Map<string, string>();
    const parsed = this.seen.parsed;
    for (const [id, text] of this.seen.rows) {
      let a = parsed.get(id);
      if (a === undefined) parsed.set(id, (a = JSON.parse(text)));
      if (!isAnnotation(a)) {
        unreadable.push(a);
        continue;
      }
      items.push(a);
      texts.set(a.id, text);
    }
    return { loaded: { items, unreadable }, texts };
  }

  /** Records what this transaction wrote, so the next read need not read it back. */
  private wrote(seq: number | undefined, put: readonly Annotation[], gone: readonly string[]): void {
    if (!this.seen) return;
    for (const a of put) {
      this.seen.rows.set(a.id, JSON.stringify(a));
      this.seen.parsed.set(a.id, a);
    }
    for (const id of gone) {
      this.seen.rows.delete(id);
      this.seen.parsed.delete(id);
    }
    if (seq !== undefined) this.seen.seq = seq;
  }

  /** Upserts and logs `list`; returns the last log position written. */
  private async putAnnotations(c: PoolClient, list: Annotation[]): Promise<number | undefined> {
    if (!list.length) return undefined;
    const p = this.db.project;
    const json = list.map((a) => JSON.stringify(a));
    const ids = list.map((a) => a.id);
    await c.query(
      `INSERT INTO dossier_annotations (project, id, kind, author, created, source, annotation)
       SELECT $1, id, kind, author, created, source, annotation::json
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(id, kind, author, created, source, annotation)
       ON CONFLICT (project, id) DO UPDATE SET kind = excluded.kind, author = excluded.author, created = excluded.created,
         source = excluded.source, annotation = excluded.annotation`,
      [p, ids, list.map((a) => a.kind), list.map((a) => searchable(a.author)), list.map((a) => a.created), list.map((a) => (a.target ? searchable(a.target.source) : null)), json],
    );
    const logged = await c.query<{ s: string }>("INSERT INTO dossier_annotation_log (project, op, id, annotation) SELECT $1, 'put', id, a::json FROM unnest($2::text[], $3::text[]) AS t(id, a) RETURNING seq AS s", [p, ids, json]);
    const seq = Math.max(...logged.rows.map((x) => Number(x.s)));
    const quoted = list.filter((a) => a.target);
    await c.query('DELETE FROM dossier_quotes WHERE project = $1 AND annotation = ANY($2::text[])', [p, ids]);
    if (!quoted.length) return seq;
    const sel = quoted.map((a) => a.target?.selector as NonNullable<Annotation['target']>['selector']);
    await c.query(
      `INSERT INTO dossier_quotes (project, annotation, source, exact, prefix, suffix, start, "end")
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])`,
      [p, quoted.map((a) => a.id), quoted.map((a) => searchable(a.target?.source ?? '')), sel.map((s) => searchable(s[0].exact)), sel.map((s) => searchable(s[0].prefix)),
        sel.map((s) => searchable(s[0].suffix)), sel.map((s) => s[1].start), sel.map((s) => s[1].end)],
    );
    return seq;
  }
}

export class PgAnalysisStore implements AnalysisStore {
  private pending = new Map<string, Analysis>();

  constructor(private readonly db: TeamDb) {}

  async get(key: string): Promise<Analysis | undefined> {
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const r = await this.db.pool.query<{ a: string }>('SELECT analysis::text AS a FROM dossier_analyses WHERE project = $1 AND key = $2', [this.db.project, key]);
    if (!r.rows[0]) return undefined;
    const analysis = JSON.parse(r.rows[0].a) as Analysis;
    return Array.isArray(analysis?.mentions) ? analysis : undefined;
  }

  put(key: string, analysis: Analysis): void {
    this.pending.set(key, analysis);
  }

  /** Writes what put() queued; `via` a transaction's client to commit it with something else. */
  async flush(via: Pick<PoolClient, 'query'> = this.db.pool): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (let i = 0; i < batch.length; i += 500) {
      const part = batch.slice(i, i + 500);
      await via.query(
        'INSERT INTO dossier_analyses (project, key, analysis) SELECT $1, k, a::json FROM unnest($2::text[], $3::text[]) AS t(k, a) ON CONFLICT DO NOTHING',
        [this.db.project, part.map((b) => b[0]), part.map((b) => JSON.stringify(b[1]))],
      );
    }
  }

  async prune(live: ReadonlySet<string>): Promise<void> {
    await this.db.pool.query('DELETE FROM dossier_analyses WHERE project = $1 AND NOT (key = ANY($2::text[]))', [this.db.project, [...live]]);
  }
}

/** A PostgreSQL array literal, each element quoted (names may hold commas, quotes, braces). */
function pgArray(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
