// The server search (PostgreSQL picks the candidates, the local ranking orders them) returns what
// the local search (fuse.js over the whole registry) returns: the same entities, scores, order
// and matched names, for exact names, prefixes, typos, accents, aliases and types.
import * as assert from 'node:assert/strict';
import { EntitySearch } from '../../src/core/index/search';
import { searchServer } from '../../src/core/index/pg/search';
import { TeamDb } from '../../src/core/index/pg/teamDb';
import type { EntityRecord } from '../../src/core/index/types';
import type { EntityType } from '../../src/core/model';
import { freshDatabase } from './db';

const NAMED: [string, EntityType, string, string[]][] = [
  ['person:orban', 'PERSON', 'Viktor Orbán', ['Orbán']],
  ['org:un', 'ORG', 'United Nations', ['UN']],
  ['place:paris', 'PLACE', 'Paris', []],
  ['person:parisa', 'PERSON', 'Parisa Khan', []],
  ['org:securite', 'ORG', 'Agence de Sécurité', ['ANS']],
  ['person:soren', 'PERSON', 'Søren  Kierkegaard', ['Kierkegaard']],
];

/** 3,000 invented, distinct names (syllables, some accented), with mention counts as a corpus gives them. */
function generated(): EntityRecord[] {
  const syl = ['ka', 'lo', 'mír', 'ren', 'tas', 'vo', 'dur', 'pel', 'sin', 'gor', 'é', 'an'];
  const first = ['Anna', 'Marek', 'Lucía', 'Tomás', 'Inès', 'Pavel', 'Grete', 'Hugo'];
  const types: EntityType[] = ['PERSON', 'ORG', 'PLACE'];
  return Array.from({ length: 3000 }, (_, i) => {
    // Distinct names (the digits of i in base 12): equal names would tie on everything the ranking sees.
    const surname = [0, 1, 2, 3].map((k) => syl[Math.floor(i / syl.length ** k) % syl.length]).join('');
    const canonical = `${first[i % first.length]} ${surname[0].toUpperCase()}${surname.slice(1)}${i % 5 === 0 ? ` ${i}` : ''}`;
    return record(`g:${i}`, types[i % 3], canonical, i % 4 === 0 ? [surname] : [], (i * 7919) % 13);
  });
}

function record(id: string, type: EntityType, canonical: string, aliases: string[], mentions: number): EntityRecord {
  return { id, type, canonical, aliases, notes: [], mergedIds: [], created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', counts: { mentions, documents: Math.min(mentions, 3) } };
}

const QUERIES = ['Paris', 'pari', 'p', 'an', 'ann', 'Viktor Orb', 'orban', 'UN', 'United Natoins', 'securite', 'Sécurité', 'agence de securte',
  'soren kierkegaard', 'kierkegard', 'anna', 'Anna Kalomír', 'anna kalomir', 'marek tasvo', 'lucia', 'lucía durpel', 'grete 15',
  'hugo renmirka', 'inès gorsin', 'tomas', 'pavel', 'kalo', 'mirren', 'zzzz', 'tasdur', 'é', 'an an'];

describe('team index: search on the server', () => {
  let db: TeamDb;
  const local = new EntitySearch();
  const records = [...NAMED.map(([id, type, canonical, aliases], i) => record(id, type, canonical, aliases, i)), ...generated()];

  before(async () => {
    db = await TeamDb.open(await freshDatabase());
    const stored = records.map(({ counts: _counts, ...r }) => r);
    await db.pool.query(`INSERT INTO dossier_entities (project, id, type, canonical, aliases, notes, record, digest)
      SELECT 'default', r->>'id', r->>'type', r->>'canonical', ARRAY(SELECT json_array_elements_text(r->'aliases')), '[]', r, 'd' FROM json_array_elements($1::json) r`, [JSON.stringify(stored)]);
    const names = records.flatMap((r) => [r.canonical, ...r.aliases].map((n) => [r.id, n]));
    await db.pool.query(`INSERT INTO dossier_entity_names (project, entity, name) SELECT 'default', * FROM unnest($1::text[], $2::text[])`, [names.map((n) => n[0]), names.map((n) => n[1])]);
    const counted = records.filter((r) => r.counts.mentions > 0);
    await db.pool.query(`INSERT INTO dossier_entity_counts (project, entity, mentions, documents) SELECT 'default', * FROM unnest($1::text[], $2::int[], $3::int[])`,
      [counted.map((r) => r.id), counted.map((r) => r.counts.mentions), counted.map((r) => r.counts.documents)]);
    local.invalidate(() => records);
  });
  after(() => db.close());

  const shown = (rs: { entity: EntityRecord; score: number; matched: string }[]) => rs.map((r) => `${r.entity.id} ${r.score.toFixed(4)} ${r.matched} ${r.entity.counts.mentions}`);

  it('returns the local search\'s results (entities, scores, order, matched name) for names, prefixes, typos and accents', async () => {
    let found = 0;
    for (const q of QUERIES) {
      for (const limit of [3, 20]) {
        const server = await searchServer(db, q, { limit });
        assert.deepEqual(shown(server), shown(local.search(q, { limit })), `search "${q}" (limit ${limit})`);
        found += server.length;
      }
    }
    assert.ok(found > QUERIES.length * 3, 'most queries find something');
  });

  it('filters by type the way the local search does', async () => {
    for (const q of ['anna', 'pari', 'kalo', 'Sécurité']) {
      for (const types of [['PLACE'], ['PERSON', 'ORG']] as EntityType[][]) {
        assert.deepEqual(shown(await searchServer(db, q, { types })), shown(local.search(q, { types })), `search "${q}" ${types.join(',')}`);
      }
    }
    assert.deepEqual((await searchServer(db, 'pari', { types: ['PLACE'] })).map((h) => h.entity.id).slice(0, 1), ['place:paris']);
  });

  it('finds nothing for nonsense, and treats % and _ and SQL as letters', async () => {
    assert.deepEqual(await searchServer(db, 'zzzz'), []);
    assert.deepEqual(await searchServer(db, "50%_x'; DROP TABLE dossier_entities; --"), []);
    assert.deepEqual(shown(await searchServer(db, '  ')), shown(local.search('  ')));
    assert.ok((await db.pool.query('SELECT 1 FROM dossier_entities')).rowCount);
  });
});
