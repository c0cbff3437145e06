// Pruning of the extracted-text cache (.dossier/cache/sources/), apart from the extractors so
// the extension host can prune without loading pdf.js, mammoth or linkedom.
import type { WorkspacePort } from '../ports';

export const SOURCES_DIR = '.dossier/cache/sources';

/**
 * Deletes the cache entries no listed document uses any more: older extractor versions and
 * files that changed or went away. `live` holds the cache keys (sourceCacheKey) still in use.
 */
export async function pruneSourceCache(port: Pick<WorkspacePort, 'readDir' | 'delete'>, live: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const name of await port.readDir(SOURCES_DIR)) {
    const key = `${SOURCES_DIR}/${name}`;
    if (!name.endsWith('.json') || live.has(key)) continue;
    await port.delete(key).catch(() => undefined);
    removed++;
  }
  return removed;
}
