// Bench lines for corpus scale (issue 9): a generated corpus (default 10,000 documents, about
// 5 million words) from permissively licensed text only (MEANTIME, CC BY 4.0, and the training
// sets' wikigold, CC BY 4.0, and UNER English-EWT, CC BY-SA 4.0, from ../shared), written to a
// temp folder at bench time and deleted after, never committed. Then `dossier index` cold, a warm
// reopen of the unchanged corpus (from .dossier/cache/registry.snapshot; baseline: the same reopen
// without it), and the peak RSS of each.
//   node scripts/build.mjs --cli-only && npm run compile-tests && node scripts/bench/corpus.mjs [--docs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, '..', 'shared');
// The engine's seeded generator (mulberry32; needs `npm run compile-tests`): the same corpus on every run.
const { seeded } = createRequire(import.meta.url)(path.join(root, 'out/src/core/engine/tagger/train.js'));

/** Sentences of the permissively licensed sources, in a fixed order. */
function sentencePool() {
  const out = [];
  const split = (text) => text.split(/(?<=[.!?])\s+(?=["“]?\p{Lu})/u).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.split(' ').length >= 4);
  const mt = path.join(shared, 'corpus', 'meantime');
  for (const n of fs.readdirSync(mt).filter((f) => f.endsWith('.txt')).sort()) out.push(...split(fs.readFileSync(path.join(mt, n), 'utf8')));
  for (const set of ['wikigold.jsonl', 'uner_ewt.jsonl']) {
    const file = path.join(shared, 'train', set);
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push(...split(JSON.parse(line).text));
  }
  return out;
}

/** Writes `docs` articles of about `words` words each (paragraphs of 2–5 sentences) under dir. */
export function generateCorpus(dir, { docs = 10_000, words = 500, seed = 9 } = {}) {
  const pool = sentencePool();
  const rand = seeded(seed);
  let total = 0;
  for (let d = 0; d < docs; d++) {
    const sub = path.join(dir, `batch-${String(Math.floor(d / 500)).padStart(3, '0')}`);
    if (d % 500 === 0) fs.mkdirSync(sub, { recursive: true });
    const paragraphs = [];
    let n = 0;
    while (n < words) {
      const para = [];
      for (let k = 2 + Math.floor(rand() * 4); k > 0; k--) para.push(pool[Math.floor(rand() * pool.length)]);
      const p = para.join(' ');
      n += p.split(' ').length;
      paragraphs.push(p);
    }
    total += n;
    fs.writeFileSync(path.join(sub, `article-${String(d).padStart(5, '0')}.txt`), `Article ${d + 1}\n\n${paragraphs.join('\n\n')}\n`);
  }
  return { docs, words: total };
}

/** `dossier index dir` with wall time and peak RSS (GNU time when present, else none). */
function indexRun(dir) {
  const cli = path.join(root, 'dist', 'cli.js');
  const gnuTime = fs.existsSync('/usr/bin/time');
  const args = gnuTime ? ['-f', '%M', process.execPath, cli, 'index', dir, '--json'] : [cli, 'index', dir, '--json'];
  const t0 = performance.now();
  const r = spawnSync(gnuTime ? '/usr/bin/time' : process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const rssKb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  let summary = null;
  try {
    summary = JSON.parse(r.stdout);
  } catch {
    // a failed run: reported below with its exit code
  }
  return { ms, rssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null, summary, code: r.status };
}

export function benchCorpus({ docs = 10_000 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-corpus-'));
  try {
    const t0 = performance.now();
    const gen = generateCorpus(dir, { docs });
    const genMs = performance.now() - t0;
    const cold = indexRun(dir);
    const warm = indexRun(dir);
    // The baseline: the same warm run without .dossier/cache/registry.snapshot (the full index reopen).
    fs.rmSync(path.join(dir, '.dossier', 'cache', 'registry.snapshot'), { force: true });
    const full = indexRun(dir);
    const r = (x) => Math.round(x);
    const extra = { documents: gen.docs, words: gen.words, generate_ms: r(genMs) };
    return [
      { name: 'cold-index', value: r(cold.ms), unit: 'ms', words_per_s: r(gen.words / (cold.ms / 1000)), analysed: cold.summary?.analysed ?? null, exit: cold.code, ...extra },
      { name: 'warm-reopen', value: r(warm.ms), unit: 'ms', target: 2000, baseline: r(full.ms), ratio: Math.round((full.ms / warm.ms) * 10) / 10, baseline_is: 'the same run without registry.snapshot', rss_mb: warm.rssMb, baseline_rss_mb: full.rssMb, fromCache: warm.summary?.fromCache ?? null, analysed: warm.summary?.analysed ?? null, exit: warm.code, ...extra },
      { name: 'peak-rss', value: Math.max(cold.rssMb ?? 0, warm.rssMb ?? 0) || null, unit: 'MB', target: 600, cold: cold.rssMb, warm: warm.rssMb, ...extra },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--docs');
  const docs = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.DOSSIER_BENCH_DOCS ?? 10_000);
  for (const line of benchCorpus({ docs })) console.log(JSON.stringify(line));
}
