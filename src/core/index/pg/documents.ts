// Documents and their mentions on the server. syncDocuments() publishes what an index over a
// folder holds (text, hash, date, decorated mentions with provenance and entity); ServerDocuments
// is a read-only WorkspacePort over that table, so an index opened on the server alone (search,
// export, pull) runs the very same code as one over the folder and prints the same.
import picomatch from 'picomatch';
import type { PoolClient } from 'pg';
import type { FileStat, WorkspacePort } from '../../ports';
import { contentHash } from '../contentHash';
import type { EntityIndex } from '../types';
import { searchable, type TeamDb } from './teamDb';

export interface DocumentMeta {
  /** File modification time (ms); the analyses' date fallback derives from it. */
  mtime: number;
  size: number;
}

/** Upserts the index's documents whose text or mentions changed and drops those gone; returns counts. */
export async function syncDocuments(db: TeamDb, index: EntityIndex, meta: (path: string) => DocumentMeta | undefined): Promise<{ written: number; removed: number }> {
  const p = db.project;
  return db.tx(async (c) => {
    const stored = await c.query<{ path: string; d: string }>('SELECT path, mentions_digest AS d FROM dossier_documents WHERE project = $1', [p]);
    const digests = new Map(stored.rows.map((r) => [r.path, r.d]));
    const live = new Set(index.documents());
    const gone = stored.rows.map((r) => r.path).filter((path) => !live.has(path));
    /** Entities whose mentions changed: their counts are computed again at the end. */
    const touched = new Set<string>();
    const dropMentions = async (paths: string[]) => {
      const r = await c.query<{ entity: string }>('DELETE FROM dossier_mentions WHERE project = $1 AND path = ANY($2::text[]) RETURNING entity', [p, paths]);
      for (const row of r.rows) touched.add(row.entity);
    };
    if (gone.length) {
      await dropMentions(gone);
      await c.query('DELETE FROM dossier_documents WHERE project = $1 AND path = ANY($2::text[])', [p, gone]);
    }
    let written = 0;
    for (const path of live) {
      const doc = index.getDocument(path);
      const text = index.getText(path);
      if (!doc || text === undefined) continue;
      if (path.includes('\u0000')) throw new Error(`A document path holds a NUL character, which PostgreSQL cannot store: ${JSON.stringify(path)}`);
      const digest = contentHash(doc.hash + JSON.stringify(doc.mentions));
      if (digests.get(path) === digest) continue;
      const m = meta(path) ?? { mtime: 0, size: text.length };
      await c.query(
        `INSERT INTO dossier_documents (project, path, hash, kind, document_date, mtime, size, text, raw, mentions_digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::json, $10)
         ON CONFLICT (project, path) DO UPDATE SET hash = excluded.hash, kind = excluded.kind, document_date = excluded.document_date,
           mtime = excluded.mtime, size = excluded.size, text = excluded.text, raw = excluded.raw, mentions_digest = excluded.mentions_digest, updated = now()`,
        [p, path, doc.hash, path.endsWith('.md') ? 'markdown' : 'plaintext', doc.analysis.documentDate ?? null, Math.floor(m.mtime), m.size,
          searchable(text), text.includes('\u0000') ? JSON.stringify(text) : null, digest],
      );
      await dropMentions([path]);
      const ms = doc.mentions;
      for (const m of ms) touched.add(m.entity);
      await c.query(
        `INSERT INTO dossier_mentions (project, path, start, "end", text, type, entity, provenance)
         SELECT $1, $2, * FROM unnest($3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[]) ON CONFLICT DO NOTHING`,
        [p, path, ms.map((x) => x.start), ms.map((x) => x.end), ms.map((x) => searchable(x.text)), ms.map((x) => x.type), ms.map((x) => x.entity), ms.map((x) => x.provenance)],
      );
      written++;
    }
    await recount(c, p, [...touched]);
    return { written, removed: gone.length };
  });
}

/**
 * The live counts (dossier_entity_counts) of `entities`, from their mentions. Exact because every
 * writer of mentions holds the project's transaction lock (TeamDb.tx), so no two recount at once.
 */
async function recount(c: PoolClient, project: string, entities: string[]): Promise<void> {
  if (!entities.length) return;
  await c.query(
    `WITH n AS (
       SELECT e AS entity, count(m.entity)::int AS mentions, count(DISTINCT m.path)::int AS documents
       FROM unnest($2::text[]) AS e LEFT JOIN dossier_mentions m ON m.project = $1 AND m.entity = e AND m.provenance <> 'rejected'
       GROUP BY e),
     d AS (DELETE FROM dossier_entity_counts c USING n WHERE c.project = $1 AND c.entity = n.entity AND n.mentions = 0)
     INSERT INTO dossier_entity_counts (project, entity, mentions, documents)
     SELECT $1, entity, mentions, documents FROM n WHERE mentions > 0
     ON CONFLICT (project, entity) DO UPDATE SET mentions = excluded.mentions, documents = excluded.documents`,
    [project, entities],
  );
}

/** The server's documents as a read-only workspace. */
export class ServerDocuments implements WorkspacePort {
  private meta: Map<string, FileStat> | undefined;

  constructor(private readonly db: TeamDb) {}

  /** The fallback document date a folder index derived from the file's mtime (see openFolderIndex). */
  dateOf(path: string): string | undefined {
    const st = this.meta?.get(path);
    return st && st.mtime > 0 ? new Date(st.mtime).toISOString().slice(0, 10) : undefined;
  }

  async all(): Promise<Map<string, FileStat>> {
    if (!this.meta) {
      const r = await this.db.pool.query<{ path: string; mtime: string; size: string }>('SELECT path, mtime, size FROM dossier_documents WHERE project = $1', [this.db.project]);
      this.meta = new Map(r.rows.map((row) => [row.path, { mtime: Number(row.mtime), size: Number(row.size) }]));
    }
    return this.meta;
  }

  async listFiles(include: string[], exclude: string[]): Promise<string[]> {
    const isIncluded = picomatch(include, { dot: false });
    const isExcluded = picomatch(exclude, { dot: true });
    return [...(await this.all()).keys()].filter((p) => isIncluded(p) && !isExcluded(p)).sort();
  }

  async stat(path: string): Promise<FileStat | undefined> {
    return (await this.all()).get(path);
  }

  async readFile(path: string): Promise<string | undefined> {
    const r = await this.db.pool.query<{ text: string; raw: string | null }>('SELECT text, raw::text AS raw FROM dossier_documents WHERE project = $1 AND path = $2', [this.db.project, path]);
    const row = r.rows[0];
    if (!row) return undefined;
    return row.raw !== null ? (JSON.parse(row.raw) as string) : row.text;
  }

  private readOnly(): Promise<never> {
    return Promise.reject(new Error('The team index documents are read-only here: index the folder with --db to change them.'));
  }
  writeFileAtomic(): Promise<void> {
    return this.readOnly();
  }
  createExclusive(): Promise<boolean> {
    return this.readOnly();
  }
  rename(): Promise<void> {
    return this.readOnly();
  }
  delete(): Promise<void> {
    return this.readOnly();
  }
  async mkdir(): Promise<void> {
    // nothing is ever written under it
  }
  async readDir(): Promise<string[]> {
    return [];
  }
}
