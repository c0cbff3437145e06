// Entity search on the server (issue 12). PostgreSQL picks the candidates over the stored folded
// names (dossier_entity_names.folded: unaccented, lower case, as the local search folds), and the
// local search (fuse.js, search.ts) ranks those few records, so scores, order and matched names
// are the local search's own. The candidates, in one query:
//   contain  every entity with a name containing the query, best ranked first (live counts, then
//            name, with ties): the trigram GIN index; what every result list starts with;
//   fuzzy    up to FUZZY_MAX_NAMES names: the local pre-filter's exact bounds on fuse's edit budget
//            (a piece of the query, enough of its bigrams; searchPrefilter.ts), so the same results
//            as over the whole registry, then the edit-distance test here;
//   near     beyond that (bigger registries, or too many fuzzy names, or queries over 32 letters):
//            the nearest names by trigram similarity (`%`; GIN), which finds typos as
//            pg_trgm sees them rather than every far match fuse.js would accept.
import { foldKey } from '../../model';
import { EntitySearch, FUZZY_THRESHOLD, MAX_FILTERED_QUERY } from '../search';
import { bigrams, editBudget, split, withinEdits } from '../searchPrefilter';
import type { EntityRecord, SearchOptions, SearchResult } from '../types';
import { searchable, type TeamDb } from './teamDb';

/** Registries of up to this many names get the exact fuzzy candidates (a scan of the names). */
export const FUZZY_MAX_NAMES = 50_000;
/** More fuzzy candidate names than this, and the near ones are used instead. */
const FUZZY_CAP = 5_000;
/** How many nearest names (by trigram similarity) join the candidates, per result wanted. */
const NEAR_PER_RESULT = 3;
const NEAR_MIN = 30;

/** The query folded as the names are (unaccent also folds what NFD leaves: ø, ß, æ). */
const F = `btrim(regexp_replace(dossier_fold($2::text), '[[:space:]]+', ' ', 'g'))`;
const CONTAINS = `'%' || replace(replace(replace(${F}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

// near: `%` only (similarity ≥ pg_trgm.similarity_threshold, TRIGRAM_THRESHOLDS in teamDb.ts), on
// the trigram GIN index; `<%` (word similarity) beside it cost a second index scan and its recheck.
const SQL = `
  WITH small AS (SELECT CASE WHEN r.t >= 0 THEN r.t <= $6::int
                        ELSE (SELECT count(*) FROM (SELECT 1 FROM dossier_entity_names WHERE project = $1 LIMIT $6::int + 1) s) <= $6::int END AS yes
                 FROM (SELECT reltuples AS t FROM pg_class WHERE oid = 'dossier_entity_names'::regclass) r),
  contain AS (
    SELECT e.id FROM dossier_entities e LEFT JOIN dossier_entity_counts c ON c.project = e.project AND c.entity = e.id
    WHERE e.project = $1 AND ($4::text[] IS NULL OR e.type = ANY($4::text[]))
      AND e.id IN (SELECT n.entity FROM dossier_entity_names n WHERE n.project = $1 AND n.folded LIKE ${CONTAINS})
    ORDER BY coalesce(c.mentions, 0) DESC, e.canonical COLLATE "C"
    FETCH FIRST $3 ROWS WITH TIES),
  fuzzy AS (
    SELECT n.entity, n.name FROM dossier_entity_names n
    WHERE cardinality($7::text[]) > 0 AND (SELECT yes FROM small) AND n.project = $1
      AND EXISTS (SELECT 1 FROM unnest((SELECT array_agg(dossier_fold(x)) FROM unnest($7::text[]) x)) p WHERE strpos(n.folded, p) > 0)
      AND (SELECT count(*) FROM unnest((SELECT array_agg(dossier_fold(x)) FROM unnest($8::text[]) x)) g WHERE strpos(n.folded, g) > 0) >= $9
    LIMIT ${FUZZY_CAP}),
  near AS (
    SELECT n.entity AS id FROM dossier_entity_names n
    WHERE (cardinality($7::text[]) = 0 OR NOT (SELECT yes FROM small) OR (SELECT count(*) FROM fuzzy) >= ${FUZZY_CAP})
      AND n.project = $1 AND length(${F}) > 3 AND n.folded % ${F}
      AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM dossier_entities t WHERE t.project = $1 AND t.id = n.entity AND t.type = ANY($4::text[])))
    ORDER BY n.folded <-> ${F}, n.entity
    LIMIT $5)
  SELECT id AS entity, NULL AS name FROM contain UNION ALL SELECT entity, name FROM fuzzy UNION ALL SELECT id, NULL FROM near`;

const RECORDS = `
  SELECT e.record::text AS record, coalesce(c.mentions, 0)::int AS mentions, coalesce(c.documents, 0)::int AS documents
  FROM dossier_entities e LEFT JOIN dossier_entity_counts c ON c.project = e.project AND c.entity = e.id
  WHERE e.project = $1 AND e.id = ANY($2::text[]) ORDER BY e.id`;

/** The best `limit` entities for `query`, ranked as the local search ranks them (two queries). */
export async function searchServer(db: TeamDb, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const limit = options.limit ?? 20;
  const types = options.types?.length ? [...options.types] : null;
  const q = foldKey(searchable(query));
  // The local pre-filter's bounds (BigramIndex.candidates): a name within k edits holds one of
  // k + 1 pieces of the query, and at least (m - 1) - 2k of its bigrams (a bigram per position).
  const edits = q.length <= MAX_FILTERED_QUERY && q.length > 0 ? editBudget(q, FUZZY_THRESHOLD) : 0;
  const pieces = edits > 0 ? split(q, edits + 1) : [];
  const grams = bigrams(q);
  const needed = grams.length - 2 * edits;
  const r = await db.pool.query<{ entity: string; name: string | null }>({ name: 'dossier_search', text: SQL, values:
    [db.project, q, limit, types, Math.max(NEAR_MIN, NEAR_PER_RESULT * limit), FUZZY_MAX_NAMES, pieces, grams, needed >= 2 ? needed : 0] });
  const within = withinEdits(q, edits);
  const ids = new Set(r.rows.filter((row) => row.name === null || within(foldKey(row.name))).map((row) => row.entity));
  if (!ids.size) return [];
  const found = await db.pool.query<{ record: string; mentions: number; documents: number }>({ name: 'dossier_search_records', text: RECORDS, values: [db.project, [...ids]] });
  const records = found.rows.flatMap((row): EntityRecord[] => {
    const x = JSON.parse(row.record) as EntityRecord;
    if (typeof x?.id !== 'string' || typeof x.canonical !== 'string' || !Array.isArray(x.aliases)) return [];
    return [{ ...x, notes: x.notes ?? [], mergedIds: x.mergedIds ?? [], counts: { mentions: row.mentions, documents: row.documents } }];
  });
  const local = new EntitySearch();
  local.invalidate(() => records);
  return local.search(query, { limit, types: options.types });
}
