// Bench lines for PDF, HTML and DOCX (issue 10), over the committed fixtures and the built CLI
// bundle's core. Two functions, for scripts/bench.mjs to call; or run alone:
//   node scripts/build.mjs --cli-only && npm run compile-tests && node scripts/bench/sources.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const fixtures = path.join(root, 'test/fixtures/sources');
const load = () => require(path.join(root, 'out/src/core/sources/textCache.js'));

/** Pages/s over the PDFs and MB/s over the HTML fixture, extracting without the cache. */
export async function benchExtraction({ rounds = 20 } = {}) {
  const { extractSource } = require(path.join(root, 'out/src/core/sources/index.js'));
  const pdfs = ['two-column.pdf', 'header-footer.pdf'].map((f) => fs.readFileSync(path.join(fixtures, f)));
  const html = fs.readFileSync(path.join(fixtures, 'article.html'));
  await extractSource('pdf', pdfs[0]); // warm-up: loads pdf.js
  let pages = 0;
  let t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const b of pdfs) pages += (await extractSource('pdf', b)).pages.length;
  const pdfMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < rounds * 10; i++) await extractSource('html', html);
  const htmlMs = performance.now() - t0;
  return { pdfPagesPerSec: pages / (pdfMs / 1000), htmlMBPerSec: (html.length * rounds * 10) / 1024 / 1024 / (htmlMs / 1000) };
}

/** 200 mixed documents extracted once, then reopened from .dossier/cache/sources/ (ms for all 200). */
export async function benchWarmReopen({ count = 200 } = {}) {
  const { extractCached } = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-sources-'));
  const port = {
    readFile: async (p) => fs.promises.readFile(path.join(dir, p), 'utf8').catch(() => undefined),
    writeFileAtomic: async (p, d) => fs.promises.writeFile(path.join(dir, p), d),
    mkdir: async (p) => fs.promises.mkdir(path.join(dir, p), { recursive: true }),
  };
  const kinds = [['pdf', 'two-column.pdf'], ['pdf', 'header-footer.pdf'], ['html', 'article.html'], ['docx', 'interview.docx']];
  // Each copy differs by a trailing byte so each has its own cache entry.
  const docs = Array.from({ length: count }, (_, i) => {
    const [kind, file] = kinds[i % kinds.length];
    const base = fs.readFileSync(path.join(fixtures, file));
    return { kind, bytes: kind === 'html' ? Buffer.concat([base, Buffer.from(`<!-- ${i} -->`)]) : Buffer.concat([base, Buffer.from(`\n%${i}\n`)]) };
  });
  let t0 = performance.now();
  for (const d of docs) await extractCached(port, d.kind, d.bytes).catch(() => undefined);
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  for (const d of docs) await extractCached(port, d.kind, d.bytes).catch(() => undefined);
  const warmMs = performance.now() - t0;
  fs.rmSync(dir, { recursive: true, force: true });
  return { documents: count, coldMs, warmMs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const e = await benchExtraction();
  // JSON lines (npm run bench collects every line with a name), then the same in words.
  console.log(JSON.stringify({ name: 'pdf-extract', value: Number(e.pdfPagesPerSec.toFixed(1)), unit: 'pages/s' }));
  console.log(JSON.stringify({ name: 'html-extract', value: Number(e.htmlMBPerSec.toFixed(2)), unit: 'MB/s' }));
  console.log(`sources: extraction ${e.pdfPagesPerSec.toFixed(1)} PDF pages/s, ${e.htmlMBPerSec.toFixed(2)} MB/s HTML`);
  const w = await benchWarmReopen();
  console.log(JSON.stringify({ name: 'sources-warm-reopen', value: Math.round(w.warmMs), unit: 'ms', documents: w.documents, coldMs: Math.round(w.coldMs) }));
  console.log(`sources: ${w.documents} mixed documents, first open ${w.coldMs.toFixed(0)} ms, warm reopen from cache ${w.warmMs.toFixed(0)} ms`);
}
