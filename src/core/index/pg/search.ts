// Entity search on the server (issue 12): accent- and case-folded trigram matching over every
// canonical name and alias (dossier_fold = lower(unaccent), indexed by GIN and GiST), ranked in
// SQL: best similarity, then names that start with the query, then mentions, then name.
import type { TeamDb } from './teamDb';

export interface ServerHit {
  entity: string;
  matched: string;
  /** 0 = exact, up to 1 = barely similar (as the local search's scores). */
  score: number;
  mentions: number;
}

const SQL = `
  WITH q AS (SELECT dossier_fold($2::text) AS f),
  hits AS (
    SELECT DISTINCT ON (n.entity) n.entity, n.name,
           greatest(similarity(dossier_fold(n.name), q.f), word_similarity(q.f, dossier_fold(n.name))) AS s,
           dossier_fold(n.name) LIKE replace(replace(replace(q.f, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS prefix
    FROM dossier_entity_names n, q
    WHERE n.project = $1 AND (dossier_fold(n.name) % q.f OR q.f <% dossier_fold(n.name))
    ORDER BY n.entity, 3 DESC, n.name)
  SELECT h.entity, h.name AS matched, 1 - h.s AS score,
         (SELECT count(*) FROM dossier_mentions m WHERE m.project = $1 AND m.entity = h.entity)::int AS mentions
  FROM hits h JOIN dossier_entities e ON e.project = $1 AND e.id = h.entity
  WHERE ($4::text[] IS NULL OR e.type = ANY($4::text[]))
  ORDER BY round(h.s * 20) DESC, h.prefix DESC, mentions DESC, e.canonical
  LIMIT $3`;

/** The best `limit` entities for `query` (parameterised; an empty query finds nothing). */
export async function searchServer(db: TeamDb, query: string, options: { limit?: number; types?: readonly string[] } = {}): Promise<ServerHit[]> {
  if (!query.trim()) return [];
  const types = options.types?.length ? [...options.types] : null;
  const r = await db.pool.query<ServerHit>(SQL, [db.project, query.replaceAll('\u0000', '\ufffd'), options.limit ?? 20, types]);
  return r.rows.map((row) => ({ ...row, score: Number(row.score) }));
}
