// The adapted tagger as a file under .dossier/cache/: only the weights the corrections moved
// (a sparse delta over the shipped model), named by correctionsKey. Git-ignored and always
// rebuildable from the annotations, so a damaged or stale file is simply rebuilt.
import type { Annotation } from '../../index/types';
import type { WorkspacePort } from '../../ports';
import type { LoadedTagger } from './index';
import { Perceptron } from './perceptron';
import { workspaceTagger } from './workspace';
import { DELTA_FORMAT, isDelta, prepareCorrections, saveDelta, type AdaptedDelta, type PreparedCorrections } from '../../index/corrections';
export { CORRECTIONS_DIR, deltaPath, isDelta, prepareCorrections, readCorrections, saveDelta, versionWithCorrections, type AdaptedDelta, type PreparedCorrections } from '../../index/corrections';

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
  return { format: DELTA_FORMAT, key, slots, deltas };
}

/** The base with the delta applied; the base itself for an empty delta. */
export function applyDelta(base: LoadedTagger, delta: AdaptedDelta): LoadedTagger {
  if (!delta.slots.length) return base;
  const w = Float32Array.from(base.model.weights);
  for (let i = 0; i < delta.slots.length; i++) w[delta.slots[i]] += delta.deltas[i];
  return { model: new Perceptron(w), gates: base.gates, adapted: true, base };
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

/** The CLI's path: prepare, adopt and save in one process. */
export async function loadWorkspaceTagger(port: WorkspacePort, annotations: readonly Annotation[], base: LoadedTagger, modelHash: string, readOnly = false): Promise<{ tagger: LoadedTagger; key: string; origin: AdoptedCorrections['origin'] }> {
  const prepared = await prepareCorrections(port, annotations, modelHash);
  const adopted = adoptCorrections(base, prepared);
  if (adopted.origin === 'built' && adopted.delta && !readOnly) await saveDelta(port, adopted.delta);
  return { tagger: adopted.tagger, key: prepared.key, origin: adopted.origin };
}
