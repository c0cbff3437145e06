// Keeps the worker's tagger adapted to the workspace's corrections: gathers the annotations and
// the annotated files, lets the worker adapt (or reuse the model cached under
// .dossier/cache/corrections/), and caches what it built. Free of vscode, like the lifecycle.
import type { EntityIndex } from '../../core/index/types';
import type { WorkspacePort } from '../../core/ports';
import { MODEL_HASH } from '../../core/engine/tagger/modelVersion';
import { prepareCorrections, saveDelta } from '../../core/index/corrections';
export { versionWithCorrections } from '../../core/index/corrections';
import type { WorkerClient } from './workerClient';

export interface CorrectionsLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Adapts the worker to `index`'s corrections: 'changed' when the tagger changed (re-analyse
 * then); with `cachedOnly`, 'deferred' when the model would have to be built first.
 */
export async function followCorrections(index: EntityIndex, port: WorkspacePort, worker: WorkerClient, log: CorrectionsLog, cachedOnly = false): Promise<'same' | 'changed' | 'deferred'> {
  const prepared = await prepareCorrections(port, index.annotations(), MODEL_HASH);
  if (prepared.key === worker.correctionsKey) return 'same';
  if (cachedOnly && prepared.key && !prepared.cached) return 'deferred';
  const result = await worker.adaptTo(prepared);
  if (!result || result.error) return 'same';
  if (result.delta && !index.readOnly) {
    await saveDelta(port, result.delta).catch((err: unknown) => log.warn(`could not cache the adapted tagger: ${err instanceof Error ? err.message : String(err)}`));
  }
  const docs = Object.keys(prepared.input.texts).length;
  log.info(result.key ? `tagger adapted to the corrections in ${docs} document${docs === 1 ? '' : 's'} (${result.origin === 'cache' ? 'cached' : `${result.ms} ms`})` : 'tagger back to the shipped model (no corrections)');
  return 'changed';
}
