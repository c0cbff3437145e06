// Bench lines for the team index (issue 12), against a throw-away PostgreSQL cluster:
//   team-index-throughput: docs/s of `dossier index --db --workers 4` over a generated corpus, baseline 1 worker
//   team-search-latency:   p95 of the server search (pg/search.ts) over 200,000 entities, baseline the plain similarity query
//   team-annotations:      annotations/s of 16 concurrent writers × 500 annotations (10 per write)
// Needs dist/cli.js (npm run bench builds it) and out/ (npm run compile-tests).
//   node scripts/bench/team.mjs [--docs N]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startCluster } from '../pg/cluster.mjs';
import { writeCorpus } from '../pg/corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const r1 = (x) => Math.round(x * 10) / 10;

function cli(args) {
  return new Promise((resolve, reject) => {
    execFile('node', [path.join(root, 'dist/cli.js'), ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout)));
  });
}

async function database(pg, admin, name) {
  const c = new pg.Client(admin);
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

async function oneQuery(pg, url, sql, params = []) {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function indexers(pg, admin, dir, docs) {
  const out = {};
  for (const workers of [1, 4]) {
    const url = await database(pg, admin, `bench_index_${workers}`);
    await cli(['index', path.join(dir, 'empty'), '--db', url]).catch(() => undefined); // migrate outside the timing
    const t0 = performance.now();
    await cli(['index', dir, '--db', url, '--workers', String(workers), '--json']);
    const s = (performance.now() - t0) / 1000;
    const [once] = await oneQuery(pg, url, 'SELECT count(*) FILTER (WHERE runs = 1 AND done) AS ok, count(*) AS n FROM dossier_queue');
    out[workers] = { rate: docs / s, exactlyOnce: Number(once.ok) === docs && Number(once.n) === docs };
  }
  return { name: 'team-index-throughput', value: r1(out[4].rate), unit: 'docs/s', baseline: r1(out[1].rate), ratio: r1(out[4].rate / out[1].rate), workers: 4, documents: docs, exactlyOnce: out[1].exactlyOnce && out[4].exactlyOnce, cores: os.cpus().length };
}

export async function search(pg, admin) {
  const url = await database(pg, admin, 'bench_search');
  await cli(['index', path.join(os.tmpdir(), 'dossier-bench-none'), '--db', url]).catch(() => undefined);
  const first = ['Anna', 'Marek', 'Lucía', 'Tomás', 'Inès', 'Pavel', 'Grete', 'Hugo', 'Sofia', 'Jonas', 'Elena', 'Viktor', 'Clara', 'Rubén', 'Nadia', 'Oskar', 'Zoë', 'Björn', 'Ana', 'Ivan'];
  const c = new pg.Client(url);
  await c.connect();
  // Surnames from four syllables each (10^4 of them) × 20 first names: 200,000 distinct names.
  const syl = ['ka', 'lo', 'mir', 'ren', 'tas', 'vo', 'dur', 'pel', 'sin', 'gor'];
  const surname = (i) => [0, 1, 2, 3].map((k) => syl[Math.floor(i / 10 ** k) % 10]).join('');
  await c.query(`INSERT INTO dossier_entities (project, id, type, canonical, aliases, notes, record, digest)
    SELECT 'default', id, 'PERSON', canonical, '{}', '[]', json_build_object('id', id, 'type', 'PERSON', 'canonical', canonical, 'aliases', '[]'::json,
             'notes', '[]'::json, 'mergedIds', '[]'::json, 'created', '2026-01-01T00:00:00.000Z', 'updated', '2026-01-01T00:00:00.000Z'), 'd'
    FROM (SELECT 'person:' || i AS id, ($1::text[])[1 + i % 20] || ' ' || initcap(($2::text[])[1 + i / 20]) AS canonical FROM generate_series(0, 199999) i) g`,
  [first, Array.from({ length: 10_000 }, (_, i) => surname(i))]);
  // Mentions counts as a corpus gives them (a few entities named often), for the ranking.
  await c.query(`INSERT INTO dossier_entity_counts (project, entity, mentions, documents)
    SELECT 'default', 'person:' || i, 1 + (i * 7919) % 50, 1 + (i * 7919) % 20 FROM generate_series(0, 199999, 3) i`);
  await c.query(`INSERT INTO dossier_entity_names (project, entity, name) SELECT project, id, canonical FROM dossier_entities`);
  await c.query('ANALYZE dossier_entity_names');
  // As typed: accents dropped, every fourth with a typo (two letters swapped).
  const queries = Array.from({ length: 200 }, (_, i) => {
    const q = `${first[i % 20].normalize('NFD').replace(/\p{M}/gu, '')} ${surname((i * 977) % 10_000)}`;
    return i % 4 ? q : q.slice(0, -3) + q.at(-2) + q.at(-3) + q.at(-1);
  });
  // Baselines on the expression index of sessions 3 and 4 (dropped by migration 6, made again here).
  const sql = `SELECT entity, name, similarity(dossier_fold(name), dossier_fold($1)) AS s FROM dossier_entity_names
    WHERE project = 'default' AND dossier_fold(name) % dossier_fold($1) ORDER BY s DESC, entity LIMIT 20`;
  await c.query('CREATE INDEX bench_fold_trgm ON dossier_entity_names USING gin (dossier_fold(name) gin_trgm_ops)');
  await c.query('ANALYZE dossier_entity_names');
  const timed = async (run) => {
    const times = [];
    for (const q of queries) {
      const t0 = performance.now();
      await run(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  };
  // Baseline: the plain similarity query of session 3; now: the ranked search of pg/search.ts.
  const before = await timed((q) => c.query(sql, [q]));
  await c.query('DROP INDEX bench_fold_trgm');
  await c.query('ANALYZE dossier_entity_names');
  await c.end();
  const { TeamDb } = require(path.join(root, 'out/src/core/index/pg/teamDb.js'));
  const { searchServer } = require(path.join(root, 'out/src/core/index/pg/search.js'));
  const db = await TeamDb.open(url, { max: 1 });
  const pct = await timed((q) => searchServer(db, q, { limit: 20 }));
  // Keystrokes: the first 2 to 6 letters of a name (prefixes, most names contain them).
  const keys = await timed((q) => searchServer(db, q.slice(0, 2 + (q.length % 5)), { limit: 20 }));
  await db.close();
  return { name: 'team-search-latency', value: r1(pct(0.95)), unit: 'ms', p50: r1(pct(0.5)), p95: r1(pct(0.95)), baseline: r1(before(0.95)), ratio: r1(pct(0.95) / before(0.95)),
    prefixP50: r1(keys(0.5)), prefixP95: r1(keys(0.95)), entities: 200_000, queries: queries.length, target: 50 };
}

async function annotations(pg, admin) {
  const url = await database(pg, admin, 'bench_annotations');
  const { TeamDb } = require(path.join(root, 'out/src/core/index/pg/teamDb.js'));
  const { PgIndexStore } = require(path.join(root, 'out/src/core/index/pg/pgStore.js'));
  const { AnnotationLog } = require(path.join(root, 'out/src/core/index/annotationLog.js'));
  (await TeamDb.open(url)).close();
  const writers = 16;
  const each = 500;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    const db = await TeamDb.open(url, { max: 1 });
    const store = new PgIndexStore(db);
    const log = new AnnotationLog([]);
    for (let i = 0; i < each; i += 10) {
      for (let k = i; k < i + 10; k++) {
        log.put({ id: `urn:uuid:bench-${w}-${k}`, kind: 'note', author: `writer ${w}`, created: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, w * each + k)).toISOString(), body: { entity: `person:${k}`, note: `note ${k}` } }, true);
      }
      const pending = log.snapshot();
      const stored = await store.saveAnnotations((disk) => ({ items: log.mergedWith(disk.items), unreadable: disk.unreadable }));
      log.written(pending);
      log.adopt(stored);
    }
    await db.close();
  }));
  const s = (performance.now() - t0) / 1000;
  const [n] = await oneQuery(pg, url, 'SELECT count(*) AS n, count(DISTINCT id) AS d FROM dossier_annotations');
  return { name: 'team-annotations', value: r1((writers * each) / s), unit: 'annotations/s', writers, each, stored: Number(n.n), lost: writers * each - Number(n.d), duplicated: Number(n.n) - Number(n.d) };
}

export async function benchTeam({ docs = 400, emit } = {}) {
  const pg = require('pg');
  const cluster = await startCluster();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-team-'));
  try {
    writeCorpus(dir, docs, 12);
    fs.mkdirSync(path.join(dir, 'empty'));
    const lines = [];
    for (const measure of [search, annotations, (p, url) => indexers(p, url, dir, docs)]) {
      const line = await measure(pg, cluster.url);
      emit?.(line);
      lines.push(line);
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    cluster.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--docs');
  await benchTeam({ docs: i > 0 ? Number(process.argv[i + 1]) : undefined, emit: (line) => console.log(JSON.stringify(line)) });
}
