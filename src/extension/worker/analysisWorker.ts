// Runs the engine off the extension host's thread (bundled to dist/worker.js). One incremental
// analyzer per open document, so an edit re-analyses only the paragraphs that changed.
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from '../analysis/protocol';
import { analyzeWith, createIncrementalAnalyzer, ENGINE_VERSION, type IncrementalAnalyzer } from '../../core/engine/index';
import { shippedTagger, type LoadedTagger } from '../../core/engine/tagger/index';
import { adoptCorrections } from '../../core/engine/tagger/workspaceCache';

const analyzers = new Map<string, IncrementalAnalyzer>();
/** The tagger every analysis uses: the shipped one, or adapted to the workspace's corrections. */
let tagger: LoadedTagger | null | undefined;
const currentTagger = (): LoadedTagger | null => (tagger === undefined ? (tagger = shippedTagger()) : tagger);

function post(message: WorkerResponse): void {
  parentPort?.postMessage(message);
}

function handle(req: WorkerRequest): void {
  if (req.kind === 'forget') {
    analyzers.get(req.doc)?.dispose();
    analyzers.delete(req.doc);
    return;
  }
  const started = Date.now();
  if (req.kind === 'corrections') {
    const base = shippedTagger();
    try {
      const adopted = base ? adoptCorrections(base, req.prepared) : { tagger: null, origin: 'none' as const, delta: undefined };
      tagger = adopted.tagger;
      const delta = adopted.origin === 'built' ? adopted.delta : undefined;
      post({ kind: 'corrected', id: req.id, key: req.prepared.key, origin: adopted.origin, delta, ms: Date.now() - started });
    } catch (err) {
      tagger = base;
      post({ kind: 'corrected', id: req.id, key: '', origin: 'none', ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  try {
    if (req.oneShot) {
      const analysis = analyzeWith(currentTagger(), req.text, req.options);
      post({ kind: 'analyzed', id: req.id, doc: req.doc, version: req.version, analysis, ms: Date.now() - started });
      return;
    }
    let analyzer = analyzers.get(req.doc);
    if (!analyzer) {
      analyzer = createIncrementalAnalyzer(currentTagger);
      analyzers.set(req.doc, analyzer);
    }
    const analysis = analyzer.analyze(req.text, req.options);
    post({ kind: 'analyzed', id: req.id, doc: req.doc, version: req.version, analysis, ms: Date.now() - started });
  } catch (err) {
    // The engine promises never to throw; if it does, the document's analyzer may be in a bad
    // state, so start it afresh next time and tell the host instead of dying.
    analyzers.get(req.doc)?.dispose();
    analyzers.delete(req.doc);
    const message = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    post({ kind: 'failed', id: req.id, doc: req.doc, version: req.version, message });
  }
}

parentPort?.on('message', (req: WorkerRequest) => handle(req));
// compromise and the tagger model load on first use: pay that before saying ready, so the
// host's time limit per document never includes it.
analyzeWith(currentTagger(), 'Officials met Anna Weber in Vienna on Friday.', {});
post({ kind: 'ready', engineVersion: ENGINE_VERSION });
