// .dossier/cache/: one engine analysis per file, named by a key of content hash, engine version
// and the hash of the lexicon names occurring in the text. Git-ignored; always rebuildable.
import type { Analysis } from '../model';
import type { WorkspacePort } from '../ports';
import { contentHash } from './contentHash';
import { entryKey, readAnalysisSnapshot, snapshotText, type SnapshotLines } from './analysisSnapshot';
import type { AnalysisStore } from './indexStore';
import { DOSSIER_DIR } from './store';

const CACHE_DIR = `${DOSSIER_DIR}/cache`;
/** Not *.json: prune() leaves it alone. */
export const ANALYSIS_SNAPSHOT_FILE = `${CACHE_DIR}/analyses.snapshot`;

interface CacheEntry {
  key: string;
  analysis: Analysis;
}

export function cacheKey(textHash: string, engineVersion: string, lexiconHash: string): string {
  return contentHash(`${textHash}\u0000${engineVersion}\u0000${lexiconHash}`);
}

export class AnalysisCache implements AnalysisStore {
  private pending = new Map<string, Analysis>();
  /** The snapshot (see analysisSnapshot.ts), read on the first get(); only with `snapshot`. */
  private snapshot: Promise<{ lines: SnapshotLines; valid: boolean }> | undefined;

  constructor(
    private readonly port: WorkspacePort,
    private readonly enabled: boolean,
    private readonly options: { snapshot?: boolean } = {},
  ) {}

  async get(key: string): Promise<Analysis | undefined> {
    const waiting = this.pending.get(key);
    if (waiting || !this.enabled) return waiting;
    if (this.options.snapshot) {
      const snap = await (this.snapshot ??= readAnalysisSnapshot(this.port, ANALYSIS_SNAPSHOT_FILE));
      const line = snap.lines.get(key);
      const analysis = line === undefined ? undefined : parseEntry(line, key);
      if (analysis) return analysis;
      if (line !== undefined) {
        // A damaged line: the document's own cache file answers, and the snapshot is rewritten.
        snap.lines.delete(key);
        snap.valid = false;
      }
    }
    const text = await this.port.readFile(`${CACHE_DIR}/${key}.json`);
    return text ? parseEntry(text, key) : undefined; // a damaged cache file is simply recomputed and overwritten
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
    if (this.options.snapshot) await this.writeSnapshot(live);
  }

  /** After a full scan: the snapshot holds exactly the live entries (rewritten only when that changed). */
  private async writeSnapshot(live: ReadonlySet<string>): Promise<void> {
    const snap = await (this.snapshot ??= readAnalysisSnapshot(this.port, ANALYSIS_SNAPSHOT_FILE));
    const keys = [...live].filter(Boolean).sort();
    if (snap.valid && snap.lines.size === keys.length && keys.every((k) => snap.lines.has(k))) return;
    const lines: string[] = [];
    for (const key of keys) {
      const line = snap.lines.get(key) ?? (await this.port.readFile(`${CACHE_DIR}/${key}.json`));
      if (line && entryKey(line) === key && !line.includes('\n')) lines.push(line);
    }
    await this.port.writeFileAtomic(ANALYSIS_SNAPSHOT_FILE, snapshotText(lines));
    this.snapshot = Promise.resolve({ lines: new Map(lines.map((l) => [entryKey(l) as string, l])), valid: true });
  }
}

function parseEntry(text: string, key: string): Analysis | undefined {
  try {
    const entry = JSON.parse(text) as CacheEntry;
    return entry.key === key && Array.isArray(entry.analysis?.mentions) ? entry.analysis : undefined;
  } catch {
    return undefined;
  }
}
