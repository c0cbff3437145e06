// Bench line for entity search (issue 9): 50,000 entities from compromise's first names and
// surnames, p50/p95 per prefix keystroke, fuse-only baseline against the pre-filtered search.
//   npm run compile-tests && node scripts/bench/search.mjs
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

function entities(count) {
  const lex = require('compromise').world().model.one.lexicon;
  const tagged = (tags) => Object.keys(lex).filter((k) => tags.includes(lex[k]) && /^[a-z]{3,}$/.test(k));
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const first = tagged(['FirstName', 'MaleName', 'FemaleName']).map(cap);
  const last = tagged(['LastName']).map(cap);
  let seed = 9;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  return Array.from({ length: count }, (_, i) => {
    const f = first[rand(first.length)];
    const l = last[rand(last.length)];
    const canonical = `${f} ${l}${i % 7 === 0 ? 'é' : ''}`;
    return { id: `person:${i}`, type: 'PERSON', canonical, aliases: i % 3 === 0 ? [l] : [], counts: { mentions: rand(50), documents: 1 } };
  });
}

function run(EntitySearch, list, queries, prefilter) {
  const search = new EntitySearch({ prefilter });
  search.invalidate(() => list);
  let t0 = performance.now();
  search.search('a');
  const build = performance.now() - t0;
  const times = [];
  for (const q of queries) {
    for (let n = 1; n <= q.length; n++) {
      t0 = performance.now();
      search.search(q.slice(0, n));
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { build, p50: pct(0.5), p95: pct(0.95), keystrokes: times.length };
}

/** Both paths over the same entities and keystrokes: names as typed, plus one typo per name. */
export function benchSearch({ count = 50_000, names = 30 } = {}) {
  const { EntitySearch } = require(path.join(root, 'out/src/core/index/search.js'));
  const list = entities(count);
  const picks = Array.from({ length: names }, (_, i) => list[(i * 7919) % list.length].canonical.toLowerCase());
  const typos = picks.map((s) => s.slice(0, 3) + s[4] + s[3] + s.slice(5));
  const queries = [...picks, ...typos];
  const old = run(EntitySearch, list, queries, false);
  const now = run(EntitySearch, list, queries, true);
  const r = (x) => Math.round(x * 10) / 10;
  return [
    { name: 'search-latency', value: r(now.p95), unit: 'ms', p50: r(now.p50), p95: r(now.p95), baseline: r(old.p95), ratio: r(old.p95 / now.p95), baseline_p50: r(old.p50), keystrokes: now.keystrokes },
    { name: 'search-first-build', value: r(now.build), unit: 'ms', baseline: r(old.build), ratio: r(old.build / now.build) },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of benchSearch()) console.log(JSON.stringify(line));
}
