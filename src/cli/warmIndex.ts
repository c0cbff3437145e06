// A warm `dossier index` over an unchanged folder, answered from .dossier/cache/registry.snapshot
// without opening the index: every file is read and hashed, its analysis key computed as the
// index computes it, and the whole set compared with the snapshot's (path, key) list, the
// annotations and the entities.json fingerprint. Anything the full run would do differently (a
// changed, new or removed file, a skipped or binary file, a PDF/HTML/DOCX source, annotations
// that teach the tagger, a damaged or newer .dossier/ file, a failed analysis) returns undefined
// and the caller runs the full index, which rebuilds the snapshot. No engine code is loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_VERSION } from '../core/engine/version';
import { ENTITY_TYPES } from '../core/model';
import { contentHash } from '../core/index/contentHash';
import { analysisKey } from '../core/index/documentState';
import { DEFAULT_EXCLUDE } from '../core/index/entityIndex';
import { deriveLexicon, lexiconForText } from '../core/index/lexicon';
import { readRegistrySnapshot, registryInput } from '../core/index/registrySnapshot';
import { DossierStore, ENTITIES_FILE } from '../core/index/store';
import type { ScanSummary } from '../core/index/types';
import { sourceKindOf } from '../core/sources/types';
import { CLI_INCLUDE, NodeWorkspace, teachesTagger } from './nodeWorkspace';

export interface WarmIndex {
  summary: ScanSummary;
  entities: Record<string, number>;
  orphans: number;
}

export async function warmIndex(dir: string, maxFileSizeMB: number): Promise<WarmIndex | undefined> {
  const started = Date.now();
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const ws = new NodeWorkspace(dir);
  const abs = (rel: string) => path.join(ws.root, ...rel.split('/'));
  const snap = await readRegistrySnapshot(ws);
  if (!snap || !fs.existsSync(abs('.dossier/.gitignore'))) return undefined;
  const entitiesText = readText(abs(ENTITIES_FILE));
  if (entitiesText === undefined || entitiesText.includes('"unreadable"') || contentHash(entitiesText) !== snap.entities) return undefined;
  let reported = false;
  const annotations = await new DossierStore(ws, () => (reported = true)).loadAnnotations();
  if (reported || annotations.newerSchema !== undefined || annotations.unreadable.length || teachesTagger(annotations.items)) return undefined;
  const lexicon = deriveLexicon(annotations.items);
  const files = await ws.listFiles(CLI_INCLUDE, DEFAULT_EXCLUDE);
  if (files.length !== snap.docs.length) return undefined;
  const maxBytes = maxFileSizeMB * 1024 * 1024;
  const docs: { path: string; key: string }[] = [];
  for (let i = 0; i < files.length; i++) {
    const rel = files[i];
    const [snapPath, snapKey] = snap.docs[i];
    if (rel !== snapPath || !snapKey || sourceKindOf(rel) !== undefined) return undefined;
    const st = fs.statSync(abs(rel), { throwIfNoEntry: false });
    if (!st || st.size > maxBytes) return undefined;
    const text = readText(abs(rel));
    if (text === undefined || text.includes('\u0000')) return undefined;
    // As the index: content hash, the lexicon part in the text, the mtime date fallback.
    const key = analysisKey(contentHash(text), lexiconForText(lexicon, text), ENGINE_VERSION, st.mtime.toISOString().slice(0, 10));
    if (key !== snapKey) return undefined;
    docs.push({ path: rel, key });
  }
  if (registryInput(docs, annotations.items) !== snap.input) return undefined;
  const entities: Record<string, number> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
  for (const r of snap.registry) entities[r.type] = (entities[r.type] ?? 0) + 1;
  const summary: ScanSummary = { documents: docs.length, analysed: 0, fromCache: docs.length, removed: 0, skipped: [], ms: Date.now() - started };
  return { summary, entities, orphans: snap.orphans };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
