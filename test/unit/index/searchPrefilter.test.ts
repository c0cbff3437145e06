// The pre-filtered search returns exactly what the plain fuse.js scan returns: typos, accents, prefixes.
import * as assert from 'node:assert/strict';
import type { EntityRecord } from '../../../src/core/index/types';
import { EntitySearch } from '../../../src/core/index/search';

const NAMES = ['Anaïs Lefèvre', 'Marguerite Duchamp', 'Zürich', 'Bruno Dupont', 'Bruna Dupont', 'Łukasz Wróbel', 'Ana Lefebvre', 'Margaret Duke', 'Dupuis', 'Lefèvre-Utile'];
const entities = NAMES.map((canonical, i) => ({ id: `e${i}`, type: i === 2 ? 'PLACE' : 'PERSON', canonical, aliases: i % 2 ? [canonical.split(' ').pop()] : [], counts: { mentions: i % 3, documents: 1 } }) as unknown as EntityRecord);

describe('index: search pre-filter', () => {
  const fuseOnly = new EntitySearch({ prefilter: false });
  const filtered = new EntitySearch();
  fuseOnly.invalidate(() => entities);
  filtered.invalidate(() => entities);
  const queries = ['l', 'le', 'lef', 'lefe', 'lefev', 'lefevre', 'lefvere', 'lefebre', 'margueritte', 'magrite', 'ANAÏS', 'anais lefevre', 'zuri', 'zurch', 'duc', 'dupotn', 'lukasz wrobel', 'wrobl', 'u', 'qq'];
  for (const q of queries) {
    it(`"${q}" gives the same results as the fuse-only scan`, () => {
      const strip = (rs: ReturnType<EntitySearch['search']>) => rs.map((r) => [r.entity.id, r.matched, r.score]);
      assert.deepEqual(strip(filtered.search(q)), strip(fuseOnly.search(q)));
      assert.deepEqual(strip(filtered.search(q, { limit: 2 })), strip(fuseOnly.search(q, { limit: 2 })));
    });
  }
  it('finds typo\'d and accented names through the filter', () => {
    assert.ok(filtered.search('lefvere').some((r) => r.entity.canonical === 'Anaïs Lefèvre'));
    assert.ok(filtered.search('zurch').some((r) => r.entity.canonical === 'Zürich'));
    assert.ok(filtered.search('lef').every((r) => r.matched.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').includes('lef')));
  });
});
