// The corrections loop's input and cache files, without the engine: the extension host gathers
// the annotations and annotated texts, keys them and stores the adapted model's delta; the worker
// (or the CLI) builds the model (core/engine/tagger/workspace.ts and workspaceCache.ts).
import type { Annotation } from './types';
import type { WorkspacePort } from '../ports';
import { chronological } from './lexicon';
import { contentHash } from './contentHash';
import { stableStringify } from './stableJson';

export const MENTION_KINDS: ReadonlySet<string> = new Set(['add', 'confirm', 'reject', 'relabel', 'link']);
/** Adapting costs two analyses per document: the documents with the latest rulings teach. */
export const MAX_TEACHING_DOCUMENTS = 200;

export interface WorkspaceCorrections {
  annotations: readonly Annotation[];
  /** Text of each annotated document by workspace-relative path (missing: its annotations are skipped). */
  texts: Readonly<Record<string, string>>;
}

/** The annotations that can teach the tagger, in the order they were made. */
export function teachingAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return chronological(annotations).filter((a) => MENTION_KINDS.has(a.kind) && a.target);
}

/**
 * Names the adapted model: the teaching annotations (what and where, not who or when), the
 * annotated texts and the base model. Same key, same weights.
 */
export function correctionsKey(input: WorkspaceCorrections, modelHash: string): string {
  const anns = teachingAnnotations(input.annotations);
  const paths = [...new Set(anns.map((a) => a.target!.source))].sort();
  const rulings = anns.map((a) => [a.kind, a.target, a.body]);
  const texts = paths.map((p) => [p, input.texts[p] === undefined ? null : contentHash(input.texts[p])]);
  return contentHash(stableStringify({ modelHash, rulings, texts }));
}

// A folder of its own: the analysis cache prunes the .json files beside it that no document uses.
export const CORRECTIONS_DIR = '.dossier/cache/corrections';
export const DELTA_FORMAT = 'dossier-corrections/1';

export interface AdaptedDelta {
  format: typeof DELTA_FORMAT;
  key: string;
  /** Weight-table slots the corrections moved, ascending, and how far each moved. */
  slots: number[];
  deltas: number[];
}

export function isDelta(x: unknown, key: string, tableSize: number): x is AdaptedDelta {
  const d = x as AdaptedDelta;
  return !!d && d.format === DELTA_FORMAT && d.key === key && Array.isArray(d.slots) && Array.isArray(d.deltas) && d.slots.length === d.deltas.length &&
    d.slots.every((s) => Number.isInteger(s) && s >= 0 && s < tableSize) && d.deltas.every(Number.isFinite);
}

/** The analysis cache key's engine part: the engine and the corrections its tagger follows. */
export function versionWithCorrections(engineVersion: string, correctionsKey: string): string {
  return correctionsKey ? `${engineVersion}+corrections.${correctionsKey}` : engineVersion;
}

export const deltaPath = (key: string): string => `${CORRECTIONS_DIR}/${key}.json`;

/** The corrections input as the workspace holds it: the annotations and the annotated files. */
export async function readCorrections(port: WorkspacePort, annotations: readonly Annotation[]): Promise<WorkspaceCorrections> {
  const texts: Record<string, string> = {};
  for (const path of [...new Set(teachingAnnotations(annotations).map((a) => a.target!.source))].sort()) {
    const text = await port.readFile(path).catch(() => undefined);
    if (text !== undefined) texts[path] = text;
  }
  return { annotations, texts };
}

/** What the host gathers (no model needed): the key, the input and the cached delta if any. */
export interface PreparedCorrections {
  /** '' when nothing teaches the tagger (the shipped model as is). */
  key: string;
  input: WorkspaceCorrections;
  /** The cache file's content for this key (checked by adoptCorrections). */
  cached?: unknown;
}

export async function prepareCorrections(port: WorkspacePort, annotations: readonly Annotation[], modelHash: string): Promise<PreparedCorrections> {
  if (!teachingAnnotations(annotations).length) return { key: '', input: { annotations: [], texts: {} } };
  const input = await readCorrections(port, annotations);
  const key = correctionsKey(input, modelHash);
  let cached: unknown;
  try {
    cached = JSON.parse((await port.readFile(deltaPath(key))) ?? 'null');
  } catch {
    cached = undefined; // unreadable: rebuilt
  }
  return { key, input, cached };
}

/** Writes a freshly built delta and drops older ones (one adapted model per workspace). */
export async function saveDelta(port: WorkspacePort, delta: AdaptedDelta): Promise<void> {
  await port.mkdir(CORRECTIONS_DIR);
  await port.writeFileAtomic(deltaPath(delta.key), JSON.stringify(delta));
  for (const name of await port.readDir(CORRECTIONS_DIR)) if (name !== `${delta.key}.json` && name.endsWith('.json')) await port.delete(`${CORRECTIONS_DIR}/${name}`);
}

