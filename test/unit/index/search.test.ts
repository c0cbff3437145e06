// Entity search: accent- and case-folded, aliases included, type filters, ranking.
import * as assert from 'node:assert/strict';
import type { EntityType } from '../../../src/core/model';
import { openTestIndex } from './fakes';

const DOCS = {
  'fr.txt': 'La Direction Générale de la Sécurité Intérieure (DGSI) a confirmé. La DGSI enquête à Rotterdam.\n',
  'nl.txt': 'Bruna Dupont, Bruna Dupont and again Bruna Dupont met Bruno Dupont in Rotterdam and Leeds.\n',
};

describe('index: search', () => {
  const cases: { query: string; types?: EntityType[]; expect: string[]; matched?: string }[] = [
    { query: 'securite', expect: ['org:direction-generale-de-la-securite-interieure'] },
    { query: 'SÉCURITÉ intérieure', expect: ['org:direction-generale-de-la-securite-interieure'] },
    { query: 'dgsi', expect: ['org:direction-generale-de-la-securite-interieure'], matched: 'DGSI' },
    { query: 'rotterdam', types: ['PERSON'], expect: [] },
    { query: 'rotterdam', types: ['PLACE', 'ORG'], expect: ['place:rotterdam'] },
    // Same match quality: the entity mentioned more often comes first.
    { query: 'dupont', expect: ['person:bruna-dupont', 'person:bruno-dupont'] },
    // An exact name beats a near one, whatever the counts.
    { query: 'bruno dupont', expect: ['person:bruno-dupont', 'person:bruna-dupont'] },
    { query: 'zzzz', expect: [] },
    // A short query matches names containing it, not everything two letters away.
    { query: 'dup', expect: ['person:bruna-dupont', 'person:bruno-dupont'] },
    { query: 'rtd', expect: [] },
  ];
  for (const c of cases) {
    it(`"${c.query}"${c.types ? ` (${c.types.join(', ')})` : ''} -> ${c.expect.join(', ') || 'nothing'}`, async () => {
      const { index } = await openTestIndex(DOCS);
      const results = index.search(c.query, { types: c.types });
      assert.deepEqual(results.map((r) => r.entity.id), c.expect);
      if (c.matched) assert.equal(results[0].matched, c.matched);
      index.dispose();
    });
  }

  it('respects the limit and sees renamed entities at once', async () => {
    const { index } = await openTestIndex(DOCS);
    assert.equal(index.search('d', { limit: 1 }).length, 1);
    await index.annotate({ kind: 'rename', entity: 'person:bruno-dupont', name: 'Bruno Dupont-Léger' });
    assert.equal(index.search('leger')[0]?.entity.id, 'person:bruno-dupont');
    index.dispose();
  });
});
