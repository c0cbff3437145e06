// Bench line for the extension host (issue 9): a corpus indexed in the background by the real
// extension in code-server, while test/suite/speed.test.ts measures the longest event-loop block
// (perf_hooks monitorEventLoopDelay) and writes .runs/bench/event-loop-block.json, which
// scripts/bench.mjs reads. This prints how long the extension took to index the corpus.
//   npm run build && npm run compile-tests && node scripts/bench/extension.mjs [--host-docs N]
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHostSuite } from '../test-cs/hostSuite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const i = process.argv.indexOf('--host-docs');
// 1,000 MEANTIME articles (numbered copies after the first 120): about 40 s on 2 cores.
const docs = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.DOSSIER_BENCH_HOST_DOCS ?? 1000);
// npm run bench builds the CLI only: the extension bundles too.
spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
process.env.DOSSIER_SUITE_GREP = 'speed: activation and background indexing';
process.env.DOSSIER_BENCH_HOST_DOCS = String(docs);
const line = path.join(root, '.runs', 'bench', 'event-loop-block.json');
fs.rmSync(line, { force: true });
const r = await runHostSuite({ log: (m) => process.stderr.write(`${m}\n`), timeoutMs: 900_000 });
let measured = null;
try {
  measured = JSON.parse(fs.readFileSync(line, 'utf8'));
} catch {
  // the suite failed before measuring: reported below
}
console.log(JSON.stringify({ name: 'extension-index', value: measured?.indexMs ?? null, unit: 'ms', documents: docs, passed: r.passed, failed: r.failed, longest_block_ms: measured?.value ?? null }));
