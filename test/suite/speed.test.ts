// Speed as the extension host sees it: activation does no analysis, and indexing a corpus in
// the background keeps the host's event loop free. The figures are written as bench lines
// (.runs/bench/activation.json, .runs/bench/event-loop-block.json) for `npm run bench`; the
// tests assert only what a user sees (the corpus indexed, then gone again).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { EXTENSION_ID, activateDossier, indexedWorkspace, sampleUri, waitFor } from './coreFixture';

/**
 * Documents of the background corpus: MEANTIME articles (CC-BY), read from ../shared at run time,
 * each copy numbered. 60 in CI; DOSSIER_BENCH_HOST_DOCS asks for more (scripts/bench/extension.mjs).
 */
const CORPUS_DOCS = Number(process.env.DOSSIER_BENCH_HOST_DOCS || 60);
const FOLDER = 'bench-corpus';

function repoRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return ext.extensionPath;
}

function writeBenchLine(line: Record<string, unknown>): void {
  const dir = path.join(repoRoot(), '.runs', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${String(line.name)}.json`), JSON.stringify(line) + '\n');
}

/** Corpus texts: MEANTIME when ../shared has it, else the samples repeated with numbered names. */
function corpusTexts(): string[] {
  const meantime = path.resolve(repoRoot(), '..', 'shared', 'corpus', 'meantime');
  const files = fs.existsSync(meantime) ? fs.readdirSync(meantime).filter((f) => f.endsWith('.txt')).sort() : [];
  const texts = files.map((f) => fs.readFileSync(path.join(meantime, f), 'utf8'));
  if (texts.length) return Array.from({ length: CORPUS_DOCS }, (_, i) => (i < texts.length ? texts[i] : `${texts[i % texts.length]}\n\nCopy ${Math.floor(i / texts.length) + 1}.\n`));
  const samples = ['harbour-strike.txt', 'rail-inquiry.txt'].map((n) => fs.readFileSync(sampleUri(n).fsPath, 'utf8'));
  return Array.from({ length: CORPUS_DOCS }, (_, i) => `${samples[i % samples.length]}\n\nCopy ${i + 1}.\n`);
}

suite('speed: activation and background indexing', () => {
  let api: DossierApi;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
  });

  suiteTeardown(async () => {
    // Leave the workspace as the other suites expect it: the samples only.
    fs.rmSync(sampleUri(FOLDER).fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('dossier.reindex');
    await waitFor('the corpus to leave the index', async () => {
      const index = await api.services.index;
      return index && !index.documents().some((p) => p.startsWith(`${FOLDER}/`)) ? true : undefined;
    }, 60_000);
  });

  test('activation analyses nothing on the host and reports its time', () => {
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, 'activate() reports how long it took');
    writeBenchLine({ name: 'activation', value: api.activationMs, unit: 'ms', baseline: 156 });
  });

  test('a corpus indexed in the background: every document lands in the index, the host stays responsive', async function () {
    this.timeout(300_000);
    const texts = corpusTexts();
    const dir = sampleUri(FOLDER).fsPath;
    fs.mkdirSync(dir, { recursive: true });
    texts.forEach((t, i) => fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(4, '0')}.txt`), t));
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = Date.now();
    const summary = await vscode.commands.executeCommand('dossier.reindex');
    assert.ok(summary, 'the rebuild reports a summary');
    const index = await waitFor('every corpus document in the index', async () => {
      const i = await api.services.index;
      if (!i || api.services.workspaceIndex.progress) return undefined;
      const held = i.documents().filter((p) => p.startsWith(`${FOLDER}/`));
      return held.length === texts.length ? i : undefined;
    }, 240_000);
    histogram.disable();
    const ms = Date.now() - started;
    const withMentions = index.documents().filter((p) => p.startsWith(`${FOLDER}/`) && (index.getDocument(p)?.mentions.length ?? 0) > 0);
    assert.ok(withMentions.length > texts.length / 2, `most corpus documents name someone (${withMentions.length} of ${texts.length})`);
    const blockMs = Math.round(histogram.max / 1e6);
    writeBenchLine({ name: 'event-loop-block', value: blockMs, unit: 'ms', p50: Math.round(histogram.percentile(50) / 1e6), p95: Math.round(histogram.percentile(95) / 1e6), baseline: 398, target: 50, documents: texts.length, indexMs: ms });
  });
});
