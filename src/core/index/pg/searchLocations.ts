// Where the server search's hits are mentioned, as the local index answers mentionsOf() and
// definitionOf() (queries.ts): documents in path order, mentions in text order, rejected ones left
// out; line and keyword-in-context from the stored text. Only the few rows a result list shows are read.
import { foldKey } from '../../model';
import { LineMap } from '../locations';
import type { SearchResult } from '../types';
import type { TeamDb } from './teamDb';

export interface HitLocation {
  path: string;
  /** 0-based, as MentionLocation. */
  line: number;
  context: string;
  mention: { text: string };
}

export interface HitLocations {
  /** The first `first` mentions of the entity. */
  mentionsOf(id: string): HitLocation[];
  definitionOf(id: string): HitLocation | undefined;
}

interface Row {
  entity: string;
  path: string;
  start: number;
  end: number;
  text: string;
}

const FIRST = `
  SELECT e AS entity, m.path, m.start, m."end", m.text FROM unnest($2::text[]) AS e,
  LATERAL (SELECT path, start, "end", text FROM dossier_mentions
           WHERE project = $1 AND entity = e AND provenance <> 'rejected' ORDER BY path COLLATE "C", start LIMIT $3) m`;
/** The first mention of each distinct spelling: the definition is one of them (see definitionOf). */
const SPELLINGS = `
  SELECT DISTINCT ON (entity, text) entity, path, start, "end", text FROM dossier_mentions
  WHERE project = $1 AND entity = ANY($2::text[]) AND provenance <> 'rejected'
  ORDER BY entity, text, path COLLATE "C", start`;

const before = (a: Row, b: Row) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start);

export async function serverLocations(db: TeamDb, results: readonly SearchResult[], options: { first?: number; definitions?: boolean } = {}): Promise<HitLocations> {
  const ids = results.map((r) => r.entity.id);
  const first = new Map<string, Row[]>();
  const definition = new Map<string, Row>();
  if (ids.length && (options.first ?? 5) > 0) {
    const r = await db.pool.query<Row>(FIRST, [db.project, ids, options.first ?? 5]);
    for (const row of r.rows.sort(before)) (first.get(row.entity) ?? first.set(row.entity, []).get(row.entity))!.push(row);
  }
  if (ids.length && options.definitions) {
    const r = await db.pool.query<Row>(SPELLINGS, [db.project, ids]);
    for (const { entity } of results) {
      const spellings = r.rows.filter((row) => row.entity === entity.id).sort(before);
      const full = foldKey(entity.canonical);
      // As queries.ts: the first mention spelling out the canonical name, else the first longest one.
      const pick = spellings.find((row) => foldKey(row.text) === full) ?? [...spellings].sort((a, b) => b.text.length - a.text.length)[0];
      if (pick) definition.set(entity.id, pick);
    }
  }
  const paths = [...new Set([...[...first.values()].flat(), ...definition.values()].map((row) => row.path))];
  const lines = new Map<string, { text: string; map: LineMap }>();
  if (paths.length) {
    const r = await db.pool.query<{ path: string; text: string; raw: string | null }>('SELECT path, text, raw::text AS raw FROM dossier_documents WHERE project = $1 AND path = ANY($2::text[])', [db.project, paths]);
    for (const row of r.rows) {
      const text = row.raw !== null ? (JSON.parse(row.raw) as string) : row.text;
      lines.set(row.path, { text, map: new LineMap(text) });
    }
  }
  const located = (row: Row): HitLocation[] => {
    const doc = lines.get(row.path);
    if (!doc) return [];
    return [{ path: row.path, line: doc.map.lineOf(row.start), context: doc.map.context(row.start, row.end), mention: { text: doc.text.slice(row.start, row.end) } }];
  };
  return {
    mentionsOf: (id) => (first.get(id) ?? []).flatMap(located),
    definitionOf: (id) => {
      const row = definition.get(id);
      return row && located(row)[0];
    },
  };
}
