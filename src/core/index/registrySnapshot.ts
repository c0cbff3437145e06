// .dossier/cache/registry.snapshot: the registry and corpus aliases a full scan built, keyed on
// what they are built from: every document's (path, analysis key) — the key holds the content
// hash and the engine version — the annotations, and the entities.json it was saved as. A warm
// reopen of an unchanged corpus takes them from here instead of rebuilding them, and a warm
// `dossier index` checks its documents against `docs` and answers from this one file. A derived
// cache, git-ignored with cache/; a stale, damaged or foreign snapshot is ignored and rebuilt.
import type { WorkspacePort } from '../ports';
import { contentHash } from './contentHash';
import { stableStringify } from './stableJson';
import { DOSSIER_DIR } from './store';
import type { Annotation, EntityRecord } from './types';

export const REGISTRY_SNAPSHOT_FILE = `${DOSSIER_DIR}/cache/registry.snapshot`;
const FORMAT = 'dossier-registry';
const VERSION = 1;

export interface RegistrySnapshot {
  /** registryInput() of the documents and annotations it was built from. */
  input: string;
  /** The fingerprint of entities.json as saved with this registry. */
  entities: string;
  aliases: [string, string][];
  registry: EntityRecord[];
  /** [path, analysis key] of every document, by path: lets `dossier index` check a corpus unchanged without opening the index. */
  docs: [string, string][];
  /** index.orphans().length at the time. */
  orphans: number;
}

/** The key of a registry's inputs; documents with a failed analysis count with an empty key. */
export function registryInput(docs: Iterable<{ path: string; key: string }>, annotations: readonly Annotation[]): string {
  const rows: string[] = [];
  for (const d of docs) rows.push(`${d.path}\u0000${d.key}`);
  rows.sort();
  return `${contentHash(rows.join('\u0001'))}-${contentHash(stableStringify(annotations))}-${rows.length}`;
}

export async function readRegistrySnapshot(port: WorkspacePort): Promise<RegistrySnapshot | undefined> {
  let parsed: unknown;
  try {
    const text = await port.readFile(REGISTRY_SNAPSHOT_FILE);
    if (!text) return undefined;
    parsed = JSON.parse(text);
  } catch {
    return undefined; // unreadable or damaged: rebuilt by the scan
  }
  const s = parsed as Partial<RegistrySnapshot> & { format?: unknown; version?: unknown };
  if (!s || s.format !== FORMAT || s.version !== VERSION || typeof s.input !== 'string' || typeof s.entities !== 'string') return undefined;
  if (!Array.isArray(s.aliases) || !s.aliases.every((a) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && typeof a[1] === 'string')) return undefined;
  if (!Array.isArray(s.registry) || !s.registry.every(isRecord) || typeof s.orphans !== 'number') return undefined;
  if (!Array.isArray(s.docs) || !s.docs.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string')) return undefined;
  const snapshot: RegistrySnapshot = { input: s.input, entities: s.entities, aliases: s.aliases, registry: s.registry, docs: s.docs, orphans: s.orphans };
  // A file that still parses but was edited or damaged inside: its checksum no longer agrees.
  return (s as { sum?: unknown }).sum === checksum(snapshot) ? snapshot : undefined;
}

export async function writeRegistrySnapshot(port: WorkspacePort, snapshot: RegistrySnapshot): Promise<void> {
  await port.mkdir(`${DOSSIER_DIR}/cache`);
  await port.writeFileAtomic(REGISTRY_SNAPSHOT_FILE, JSON.stringify({ format: FORMAT, version: VERSION, ...snapshot, sum: checksum(snapshot) }));
}

function checksum(s: RegistrySnapshot): string {
  return contentHash(JSON.stringify([s.input, s.entities, s.aliases, s.registry, s.docs, s.orphans]));
}

function isRecord(x: unknown): x is EntityRecord {
  const r = x as Partial<EntityRecord> | null;
  return !!r && typeof r.id === 'string' && typeof r.type === 'string' && typeof r.canonical === 'string' && Array.isArray(r.aliases)
    && Array.isArray(r.notes) && Array.isArray(r.mergedIds) && typeof r.created === 'string' && typeof r.updated === 'string'
    && !!r.counts && typeof r.counts.mentions === 'number' && typeof r.counts.documents === 'number';
}
