// Moving an index between the workspace files and the team index (dossier push / pull): the
// annotation sets are united by id (the receiving side's merge-on-write, so nothing of either is
// lost), and analyses read through to the other side's cache so nothing is analysed twice.
import type { Analysis } from '../../model';
import type { AnalysisStore, IndexStore } from '../indexStore';
import { chronological } from '../lexicon';
import type { Annotation } from '../types';

/** Reads `primary`, falling back to `secondary` and copying what it finds there into `primary`. */
export class ReadThroughAnalysisStore implements AnalysisStore {
  constructor(
    private readonly primary: AnalysisStore,
    private readonly secondary: AnalysisStore,
  ) {}

  async get(key: string): Promise<Analysis | undefined> {
    const own = await this.primary.get(key);
    if (own) return own;
    const other = await this.secondary.get(key).catch(() => undefined);
    if (other) this.primary.put(key, other);
    return other;
  }

  put(key: string, analysis: Analysis): void {
    this.primary.put(key, analysis);
  }

  flush(): Promise<void> {
    return this.primary.flush();
  }

  prune(live: ReadonlySet<string>): Promise<void> {
    return this.primary.prune(live);
  }
}

/** Adds `incoming` to what `target` holds (same id: the incoming copy wins); returns how many were new. */
export async function uniteAnnotations(target: IndexStore, incoming: readonly Annotation[]): Promise<{ added: number; total: number }> {
  let added = 0;
  const items = await target.saveAnnotations((stored) => {
    const byId = new Map(stored.items.map((a) => [a.id, a]));
    added = incoming.filter((a) => !byId.has(a.id)).length;
    for (const a of incoming) byId.set(a.id, a);
    return { items: chronological([...byId.values()]), unreadable: stored.unreadable };
  });
  return { added, total: items.length };
}
