// Engine throughput: chars/s of analyze() on the samples and on ../shared/corpus (read at run
// time, never copied), cold vs warm, and the incremental re-analysis latency after a
// one-paragraph edit of a long document. Prints a table; asserts nothing.
// Usage: npm run bench   (or: node scripts/bench.mjs [--repeat N])
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const repeatIdx = process.argv.indexOf('--repeat');
const REPEAT = repeatIdx > 0 ? Number(process.argv[repeatIdx + 1]) : 3;

// The engine is bundled on its own so the bench measures exactly what the worker and CLI run.
const outfile = path.join(root, 'dist', 'engine-bench.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/engine/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const engine = require(outfile);

function readDir(dir, filter) {
  try {
    return fs
      .readdirSync(dir)
      .filter(filter)
      .sort()
      .map((n) => ({ name: n, text: fs.readFileSync(path.join(dir, n), 'utf8'), languageId: n.endsWith('.md') ? 'markdown' : 'plaintext' }));
  } catch {
    return [];
  }
}
const samples = readDir(path.join(root, 'samples'), (n) => /\.(txt|md)$/.test(n));
const corpusDir = path.resolve(root, '..', 'shared', 'corpus');
const corpus = readDir(corpusDir, (n) => n.endsWith('.txt'));
const meantime = readDir(path.join(corpusDir, 'meantime'), (n) => n.endsWith('.txt'));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const rows = [];
function measure(label, docs) {
  if (!docs.length) {
    rows.push([label, '-', '-', '-', '-', 'missing']);
    return;
  }
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  let t0 = process.hrtime.bigint();
  for (const d of docs) engine.analyze(d.text, { languageId: d.languageId });
  const first = ms(t0);
  let best = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    t0 = process.hrtime.bigint();
    for (const d of docs) engine.analyze(d.text, { languageId: d.languageId });
    best = Math.min(best, ms(t0));
  }
  rows.push([label, String(docs.length), String(chars), first.toFixed(0), best.toFixed(0), Math.round(chars / (best / 1000)).toLocaleString('en-US')]);
}

// Cold = the very first call in this process (compromise and the gazetteer load lazily).
const t0 = process.hrtime.bigint();
engine.analyze('Officials in Vienna met on Friday.', {});
const cold = ms(t0);
measure('samples', samples);
measure('corpus (paris-2015)', corpus);
measure('meantime (120 docs)', meantime);
const baseT0 = process.hrtime.bigint();
for (const d of meantime) engine.analyzeBaseline(d.text, {});
const baselineMs = ms(baseT0);

// Long document: the corpus concatenated ×20, then one paragraph edited.
const source = [...corpus, ...meantime.slice(0, 20)].map((d) => d.text).join('\n\n') || samples.map((d) => d.text).join('\n\n');
// Each copy's paragraphs are made unique, so no paragraph is served from a duplicate.
const long = Array.from({ length: 20 }, (_, i) => source.replace(/\n\n/g, ` (${i + 1})\n\n`) + ` (${i + 1})`).join('\n\n');
const inc = engine.createIncrementalAnalyzer();
let t1 = process.hrtime.bigint();
inc.analyze(long, {});
const full = ms(t1);
const firstStats = inc.lastStats();
const cut = long.indexOf('\n\n', Math.floor(long.length / 2));
const edited = long.slice(0, cut) + ' Delegates later flew to Nairobi.' + long.slice(cut);
t1 = process.hrtime.bigint();
inc.analyze(edited, {});
const incremental = ms(t1);
const incStats = inc.lastStats();
t1 = process.hrtime.bigint();
engine.analyze(edited, {});
const fullAgain = ms(t1);
inc.dispose();

const header = ['input', 'docs', 'chars', 'first ms', 'warm ms', 'chars/s (warm)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`engine ${engine.ENGINE_VERSION}, node ${process.version}, best of ${REPEAT} warm runs`);
console.log(`cold start (first analyze in process, loads compromise + gazetteer): ${cold.toFixed(0)} ms`);
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`raw compromise baseline on meantime: ${baselineMs.toFixed(0)} ms`);
console.log(`long document: ${long.length.toLocaleString('en-US')} chars, ${firstStats.paragraphs} paragraphs`);
console.log(`  full analysis (incremental analyzer, empty cache): ${full.toFixed(0)} ms`);
console.log(`  after a one-paragraph edit: ${incremental.toFixed(0)} ms (${incStats.reanalysed} of ${incStats.paragraphs} paragraphs re-analysed)`);
console.log(`  same edit, analyze() from scratch: ${fullAgain.toFixed(0)} ms`);

// Search latency over 50,000 generated entities (issue 9); needs `npm run compile-tests` for out/.
try {
  const { benchSearch } = await import('./bench/search.mjs');
  for (const line of benchSearch()) console.log(JSON.stringify(line));
} catch (err) {
  console.log(JSON.stringify({ name: 'search-latency', error: String(err.message ?? err) }));
}

// PDF, HTML and DOCX (issue 10): extraction throughput and the warm reopen of 200 mixed
// documents from .dossier/cache/sources/; needs `npm run compile-tests` for out/.
try {
  const { benchExtraction, benchWarmReopen } = await import('./bench/sources.mjs');
  const e = await benchExtraction();
  console.log(JSON.stringify({ name: 'pdf-extract', value: Number(e.pdfPagesPerSec.toFixed(1)), unit: 'pages/s' }));
  console.log(JSON.stringify({ name: 'html-extract', value: Number(e.htmlMBPerSec.toFixed(2)), unit: 'MB/s' }));
  const w = await benchWarmReopen();
  console.log(JSON.stringify({ name: 'sources-warm-reopen', value: Math.round(w.warmMs), unit: 'ms', documents: w.documents, coldMs: Math.round(w.coldMs) }));
} catch (err) {
  console.log(JSON.stringify({ name: 'pdf-extract', error: String(err.message ?? err) }));
}

// The team index on a throw-away PostgreSQL (issue 12); needs out/ as above.
try {
  const { benchTeam } = await import('./bench/team.mjs');
  await benchTeam({ emit: (line) => console.log(JSON.stringify(line)) });
} catch (err) {
  console.log(JSON.stringify({ name: 'team-index-throughput', error: String(err.message ?? err) }));
}
