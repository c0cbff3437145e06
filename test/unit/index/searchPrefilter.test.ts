// The pre-filtered search returns exactly what the plain fuse.js scan returns: typos, accents, prefixes.
import * as assert from 'node:assert/strict';
import type { EntityRecord } from '../../../src/core/index/types';
import { EntitySearch } from '../../../src/core/index/search';
import { withinEdits } from '../../../src/core/index/searchPrefilter';

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

describe('index: search pre-filter at scale (same results as fuse.js alone)', () => {
  // 3,000 generated people and places from a seeded mix of name parts, some sharing names and counts.
  const FIRST = ['anna', 'bruno', 'marguerite', 'margaret', 'mark', 'maria', 'jean', 'joan', 'johan', 'lukas', 'ana', 'marta', 'bart', 'barbara', 'ahmed', 'aisha'];
  const LAST = ['dupont', 'dupuis', 'lefevre', 'lefebvre', 'smith', 'smyth', 'martin', 'martins', 'bakker', 'baker', 'wrobel', 'duchamp', 'nguyen', 'van der berg', 'al-masri'];
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const cap = (s: string): string => s.replace(/(^|[\s-])\p{L}/gu, (x) => x.toUpperCase());
  const many = Array.from({ length: 3000 }, (_, i) => {
    const last = LAST[rand(LAST.length)];
    const canonical = cap(`${FIRST[rand(FIRST.length)]} ${last}`) + (i % 11 === 0 ? 'é' : '');
    return { id: `e${i}`, type: i % 5 === 0 ? 'PLACE' : 'PERSON', canonical, aliases: i % 3 === 0 ? [cap(last)] : [], counts: { mentions: rand(8), documents: 1 } } as unknown as EntityRecord;
  });
  const fuseOnly = new EntitySearch({ prefilter: false });
  const filtered = new EntitySearch();
  fuseOnly.invalidate(() => many);
  filtered.invalidate(() => many);
  const names = Array.from({ length: 12 }, (_, i) => many[(i * 389) % many.length].canonical.toLowerCase());
  const typos = names.map((s) => s.slice(0, 2) + s[3] + s[2] + s.slice(4));
  const strip = (rs: ReturnType<EntitySearch['search']>) => rs.map((r) => [r.entity.id, r.matched, r.score]);
  for (const [label, words] of [['typed names', names], ['names with a typo', typos]] as const) {
    it(`every keystroke of ${label}, any limit and type filter`, function () {
      this.timeout(120_000);
      for (const w of words) {
        for (let n = 1; n <= w.length; n++) {
          const q = w.slice(0, n);
          assert.deepEqual(strip(filtered.search(q)), strip(fuseOnly.search(q)), q);
          assert.deepEqual(strip(filtered.search(q, { limit: 3 })), strip(fuseOnly.search(q, { limit: 3 })), `${q} (limit 3)`);
          assert.deepEqual(strip(filtered.search(q, { types: ['PLACE'] })), strip(fuseOnly.search(q, { types: ['PLACE'] })), `${q} (places)`);
        }
      }
    });
  }
});

describe('index: withinEdits (Myers) agrees with the edit-distance table', () => {
  const distance = (p: string, t: string): number => {
    // Pattern against the best substring of t: row 0 is all zeros (a match may start anywhere).
    let prev = Array.from({ length: t.length + 1 }, () => 0);
    for (let i = 1; i <= p.length; i++) {
      const cur = [i];
      for (let j = 1; j <= t.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
    return Math.min(...prev);
  };
  it('on random short strings, every budget', () => {
    let seed = 3;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = (len: number): string => Array.from({ length: len }, () => 'abcde '[rand(6)]).join('');
    for (let n = 0; n < 3000; n++) {
      const p = word(1 + rand(32));
      const t = word(rand(40));
      const d = distance(p, t);
      for (const k of [0, 1, 2, 5, 11]) assert.equal(withinEdits(p, k)(t), d <= k, `${JSON.stringify(p)} in ${JSON.stringify(t)}, k ${k}, distance ${d}`);
    }
  });
});
