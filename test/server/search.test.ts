// The server search (SQL, pg_trgm + unaccent) finds what the local search (fuse.js) finds.
import * as assert from 'node:assert/strict';
import { EntitySearch } from '../../src/core/index/search';
import { searchServer } from '../../src/core/index/pg/search';
import { TeamDb } from '../../src/core/index/pg/teamDb';
import type { EntityRecord } from '../../src/core/index/types';
import { freshDatabase } from './db';

const ENTITIES: [string, string, string, string[]][] = [
  ['person:orban', 'PERSON', 'Viktor Orbán', ['Orbán']],
  ['org:un', 'ORG', 'United Nations', ['UN']],
  ['place:paris', 'PLACE', 'Paris', []],
  ['person:parisa', 'PERSON', 'Parisa Khan', []],
  ['org:securite', 'ORG', 'Agence de Sécurité', ['ANS']],
];

describe('team index: search on the server', () => {
  let db: TeamDb;
  const local = new EntitySearch();

  before(async () => {
    db = await TeamDb.open(await freshDatabase());
    const records: EntityRecord[] = [];
    for (const [id, type, canonical, aliases] of ENTITIES) {
      await db.pool.query(`INSERT INTO dossier_entities VALUES ('default', $1, $2, $3, $4, '[]', '{}', 'd')`, [id, type, canonical, aliases]);
      for (const n of [canonical, ...aliases]) await db.pool.query(`INSERT INTO dossier_entity_names VALUES ('default', $1, $2)`, [id, n]);
      records.push({ id, type, canonical, aliases, counts: { mentions: 0, documents: 0 } } as unknown as EntityRecord);
    }
    local.invalidate(() => records);
  });
  after(() => db.close());

  for (const [kind, q] of [['exact', 'Paris'], ['prefix', 'Viktor Orb'], ['accent-free', 'orban'], ['alias', 'UN'], ['typo', 'United Natoins'], ['accent-free word', 'securite']]) {
    it(`${kind} "${q}": the same top hit as the local search`, async () => {
      const server = await searchServer(db, q, { limit: 3 });
      const mine = local.search(q, { limit: 3 });
      assert.ok(server.length > 0, `server found nothing for ${q}`);
      assert.equal(server[0].entity, mine[0]?.entity.id);
    });
  }

  it('filters by type, finds nothing for nonsense or an empty query, and treats % and _ as letters', async () => {
    assert.deepEqual((await searchServer(db, 'pari', { types: ['PLACE'] })).map((h) => h.entity), ['place:paris']);
    assert.deepEqual(await searchServer(db, 'zzzz'), []);
    assert.deepEqual(await searchServer(db, '  '), []);
    assert.deepEqual(await searchServer(db, "50%_x'; DROP TABLE dossier_entities; --"), []);
    assert.ok((await db.pool.query('SELECT 1 FROM dossier_entities')).rowCount);
  });
});
