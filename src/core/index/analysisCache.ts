// .dossier/cache/: one engine analysis per file, named by a key of content hash, engine version
// and the hash of the lexicon names occurring in the text. Git-ignored; always rebuildable.
import type { Analysis } from '../model';
import type { WorkspacePort } from '../ports';
import { contentHash } from './contentHash';
import type { AnalysisStore } from './indexStore';
import { DOSSIER_DIR } from './store';

const CACHE_DIR = `${DOSSIER_DIR}/cache`;

interface CacheEntry {
  key: string;
  analysis: Analysis;
}

export function cacheKey(textHash: string, engineVersion: string, lexiconHash: string): string {
  return contentHash(`${textHash}\u0000${engineVersion}\u0000${lexiconHash}`);
}

export class AnalysisCache implements AnalysisStore {
  private pending = new Map<string, Analysis>();

  constructor(
    private readonly port: WorkspacePort,
    private readonly enabled: boolean,
  ) {}

  async get(key: string): Promise<Analysis | undefined> {
    const waiting = this.pending.get(key);
    if (waiting || !this.enabled) return waiting;
    const text = await this.port.readFile(`${CACHE_DIR}/${key}.json`);
    if (!text) return undefined;
    try {
      const entry = JSON.parse(text) as CacheEntry;
      return entry.key === key && Array.isArray(entry.analysis?.mentions) ? entry.analysis : undefined;
    } catch {
      return undefined; // a damaged cache file is simply recomputed and overwritten
    }
  }

  /** Queued; written by flush() so a scan of many files does not write one by one mid-scan. */
  put(key: string, analysis: Analysis): void {
    if (this.enabled) this.pending.set(key, analysis);
  }

  async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    if (batch.length) await this.port.mkdir(CACHE_DIR);
    for (const [key, analysis] of batch) {
      await this.port.writeFileAtomic(`${CACHE_DIR}/${key}.json`, JSON.stringify({ key, analysis } satisfies CacheEntry));
    }
  }

  /** Deletes entries no document uses any more. */
  async prune(live: ReadonlySet<string>): Promise<void> {
    if (!this.enabled) return;
    for (const name of await this.port.readDir(CACHE_DIR)) {
      if (name.endsWith('.json') && !live.has(name.slice(0, -5))) await this.port.delete(`${CACHE_DIR}/${name}`);
    }
  }
}
