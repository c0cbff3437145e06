// `dossier search QUERY [--type T] [--json] [--dir DIR]`: fuzzy, accent-folded entity search over
// the folder's index (brought up to date first; unchanged files come from the cache), or with
// --db alone the team index's own search on the server (the same output for the same corpus).
import { InvalidArgumentError, type Command } from 'commander';
import { ENTITY_TYPES, type EntityType } from '../../core/model';
import type { EntityIndex, SearchResult } from '../../core/index/index';
import { dbOption, openCommandIndex } from '../teamIndex';
import { reportDiagnostics } from './index';
import { searchServer } from '../../core/index/pg/search';
import { serverLocations, type HitLocations } from '../../core/index/pg/searchLocations';
import { TeamDb } from '../../core/index/pg/teamDb';

const TYPE_NAMES: Record<string, EntityType> = {
  person: 'PERSON', p: 'PERSON', people: 'PERSON',
  org: 'ORG', o: 'ORG', organisation: 'ORG', organization: 'ORG',
  place: 'PLACE', l: 'PLACE', location: 'PLACE', loc: 'PLACE',
  date: 'DATE', d: 'DATE',
};

export function parseTypes(value: string, previous: EntityType[] = []): EntityType[] {
  const out = [...previous];
  for (const part of value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const type = TYPE_NAMES[part];
    if (!type) throw new InvalidArgumentError(`unknown type "${part}"; use ${ENTITY_TYPES.map((t) => t.toLowerCase()).join(', ')}`);
    if (!out.includes(type)) out.push(type);
  }
  return out;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Find entities by name or alias (fuzzy, accents ignored) in the index of a folder.')
    .argument('<query>', 'name or part of a name')
    .option('-t, --type <type>', 'only this type: person, org, place or date (repeatable, or comma-separated)', parseTypes)
    .option('-n, --limit <n>', 'at most this many results', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
      return n;
    }, 20)
    .option('--dir <dir>', 'the indexed folder (default: the current one, or with --db the server\'s documents)')
    .addOption(dbOption())
    .option('--json', 'print results as JSON')
    .action(async (query: string, opts: { type?: EntityType[]; limit: number; dir?: string; db?: string; json?: boolean }) => {
      if (opts.db && opts.dir === undefined) return searchOnServer(opts.db, query, opts);
      const { index, close } = await openCommandIndex(opts.db, opts.dir);
      try {
        await index.scan();
        const results = index.search(query, { types: opts.type, limit: opts.limit });
        process.stdout.write(opts.json ? JSON.stringify(results.map((r) => resultJson(index, r)), null, 2) + '\n' : resultsText(index, query, results));
        reportDiagnostics(index);
      } finally {
        await close();
      }
    });
}

/** The server's own search (pg_trgm, unaccent) and only the rows its results show: no index is loaded. */
async function searchOnServer(url: string, query: string, opts: { type?: EntityType[]; limit: number; json?: boolean }): Promise<void> {
  const db = await TeamDb.open(url);
  try {
    const results = await searchServer(db, query, { types: opts.type, limit: opts.limit });
    const where = await serverLocations(db, results, { first: opts.json ? 5 : 0, definitions: !opts.json });
    process.stdout.write(opts.json ? JSON.stringify(results.map((r) => resultJson(where, r)), null, 2) + '\n' : resultsText(where, query, results));
  } finally {
    await db.close();
  }
}

/** Where a result is mentioned: the local index, or the server's rows (pg/searchLocations.ts). */
type Locations = Pick<EntityIndex, 'mentionsOf' | 'definitionOf'> | HitLocations;

function resultJson(index: Locations, r: SearchResult): object {
  const { counts, ...entity } = r.entity;
  const mentions = index.mentionsOf(r.entity.id).slice(0, 5).map((l) => ({ path: l.path, line: l.line + 1, text: l.mention.text, context: l.context }));
  return { ...entity, mentions: counts.mentions, documents: counts.documents, score: Number(r.score.toFixed(4)), matched: r.matched, locations: mentions };
}

function resultsText(index: Locations, query: string, results: SearchResult[]): string {
  if (results.length === 0) return `No entity matches "${query}".\n`;
  const lines: string[] = [];
  for (const r of results) {
    const e = r.entity;
    const aliases = e.aliases.length ? ` (also: ${e.aliases.slice(0, 5).join(', ')}${e.aliases.length > 5 ? ', …' : ''})` : '';
    const value = e.value ? ` = ${e.value}` : '';
    lines.push(`${e.type.padEnd(6)} ${e.canonical}${value}${aliases}: ${e.counts.mentions} mention${e.counts.mentions === 1 ? '' : 's'} in ${e.counts.documents} document${e.counts.documents === 1 ? '' : 's'}`);
    const first = index.definitionOf(e.id);
    if (first) lines.push(`       ${first.path}:${first.line + 1}: ${first.context}`);
  }
  return lines.join('\n') + '\n';
}
