// The adapted tagger as a file under .dossier/cache/: only the weights the corrections moved
// (a sparse delta over the shipped model), named by correctionsKey. Git-ignored and always
// rebuildable from the annotations, so a damaged or stale file is simply rebuilt.
import type { Annotation } from '../../index/types';
import type { WorkspacePort } from '../../ports';
import type { LoadedTagger } from './index';
import { Perceptron } from './perceptron';
import { correctionsKey, teachingAnnotations, workspaceTagger, type WorkspaceCorrections } from './workspace';

// A folder of its own: the analysis cache prunes the .json files beside it that no document uses.
export const CORRECTIONS_DIR = '.dossier/cache/corrections';
const FORMAT = 'dossier-corrections/1';

export interface AdaptedDelta {
  format: typeof FORMAT;
  key: string;
  /** Weight-table slots the corrections moved, ascending, and how far each moved. */
  slots: number[];
  deltas: number[];
}

export function deltaOf(base: LoadedTagger, adapted: LoadedTagger, key: string): AdaptedDelta {
  const slots: number[] = [];
  const deltas: number[] = [];
  const a = adapted.model.weights;
  const b = base.model.weights;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      slots.push(i);
      deltas.push(a[i] - b[i]);
    }
  }
  return { format: FORMAT, key, slots, deltas };
}

/** The base with the delta applied; the base itself for an empty delta. */
export function applyDelta(base: LoadedTagger, delta: AdaptedDelta): LoadedTagger {
  if (!delta.slots.length) return base;
  const w = Float32Array.from(base.model.weights);
  for (let i = 0; i < delta.slots.length; i++) w[delta.slots[i]] += delta.deltas[i];
  return { model: new Perceptron(w), gates: base.gates, adapted: true, base };
}

export function isDelta(x: unknown, key: string, tableSize: number): x is AdaptedDelta {
  const d = x as AdaptedDelta;
  return !!d && d.format === FORMAT && d.key === key && Array.isArray(d.slots) && Array.isArray(d.deltas) && d.slots.length === d.deltas.length &&
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

export interface AdoptedCorrections {
  tagger: LoadedTagger;
  delta?: AdaptedDelta;
  origin: 'none' | 'cache' | 'built';
}

/** Where the model lives (the worker, or the CLI): the cached delta when valid, else a rebuild. */
export function adoptCorrections(base: LoadedTagger, prepared: PreparedCorrections): AdoptedCorrections {
  if (!prepared.key) return { tagger: base, origin: 'none' };
  if (isDelta(prepared.cached, prepared.key, base.model.weights.length)) return { tagger: applyDelta(base, prepared.cached), delta: prepared.cached, origin: 'cache' };
  const delta = deltaOf(base, workspaceTagger(base, prepared.input), prepared.key);
  return { tagger: applyDelta(base, delta), delta, origin: 'built' };
}

/** Writes a freshly built delta and drops older ones (one adapted model per workspace). */
export async function saveDelta(port: WorkspacePort, delta: AdaptedDelta): Promise<void> {
  await port.mkdir(CORRECTIONS_DIR);
  await port.writeFileAtomic(deltaPath(delta.key), JSON.stringify(delta));
  for (const name of await port.readDir(CORRECTIONS_DIR)) if (name !== `${delta.key}.json` && name.endsWith('.json')) await port.delete(`${CORRECTIONS_DIR}/${name}`);
}

/** The CLI's path: prepare, adopt and save in one process. */
export async function loadWorkspaceTagger(port: WorkspacePort, annotations: readonly Annotation[], base: LoadedTagger, modelHash: string, readOnly = false): Promise<{ tagger: LoadedTagger; key: string; origin: AdoptedCorrections['origin'] }> {
  const prepared = await prepareCorrections(port, annotations, modelHash);
  const adopted = adoptCorrections(base, prepared);
  if (adopted.origin === 'built' && adopted.delta && !readOnly) await saveDelta(port, adopted.delta);
  return { tagger: adopted.tagger, key: prepared.key, origin: adopted.origin };
}
