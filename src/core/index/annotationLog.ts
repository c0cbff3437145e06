// The annotation set as this window sees it, plus what it changed since its last write, so that
// a write merges with what other windows wrote (merge-on-write) instead of undoing their work.
import { chronological } from './lexicon';
import type { Annotation } from './types';

export interface PendingChanges {
  upserts: Map<string, Annotation>;
  deletes: Set<string>;
}

export class AnnotationLog {
  private readonly items = new Map<string, Annotation>();
  private readonly upserts = new Map<string, Annotation>();
  private readonly deletes = new Set<string>();
  private readonly undoStack: string[] = [];
  private sorted: Annotation[] | undefined;

  constructor(initial: readonly Annotation[]) {
    for (const a of initial) this.items.set(a.id, a);
  }

  /** In the order they were made; cached, since every document decoration reads it. */
  all(): Annotation[] {
    return (this.sorted ??= chronological([...this.items.values()]));
  }

  get size(): number {
    return this.items.size;
  }

  /** A new or changed annotation made here (new ones can be undone). */
  put(a: Annotation, undoable = false): void {
    this.items.set(a.id, a);
    this.upserts.set(a.id, a);
    this.deletes.delete(a.id);
    if (undoable) this.undoStack.push(a.id);
    this.sorted = undefined;
  }

  /** Adds the ones whose id or decision is not here yet; returns those added. */
  import(list: readonly Annotation[]): Annotation[] {
    const decision = (a: Annotation) => JSON.stringify([a.kind, a.body, a.target?.source, a.target?.selector]);
    const known = new Set(this.all().map(decision));
    const added: Annotation[] = [];
    for (const a of list) {
      if (this.items.has(a.id) || known.has(decision(a))) continue;
      known.add(decision(a));
      this.put(a);
      added.push(a);
    }
    return added;
  }

  /** Removes the last annotation made here that still exists. */
  undo(): Annotation | undefined {
    while (this.undoStack.length) {
      const id = this.undoStack.pop() as string;
      const a = this.items.get(id);
      if (!a) continue; // already removed by another window
      this.items.delete(id);
      this.upserts.delete(id);
      this.deletes.add(id);
      this.sorted = undefined;
      return a;
    }
    return undefined;
  }

  hasPending(): boolean {
    return this.upserts.size > 0 || this.deletes.size > 0;
  }

  /** What is on disk, minus what we deleted, plus what we added or changed. */
  mergedWith(onDisk: readonly Annotation[]): Annotation[] {
    const byId = new Map(onDisk.filter((a) => !this.deletes.has(a.id)).map((a) => [a.id, a]));
    for (const [id, a] of this.upserts) byId.set(id, a);
    return chronological([...byId.values()]);
  }

  /** Takes the disk's view merged with ours; true when that brought something new. */
  adopt(onDisk: readonly Annotation[]): boolean {
    const merged = this.mergedWith(onDisk);
    const changed = merged.length !== this.items.size || merged.some((a) => !this.items.has(a.id));
    this.items.clear();
    for (const a of merged) this.items.set(a.id, a);
    this.sorted = undefined;
    return changed;
  }

  snapshot(): PendingChanges {
    return { upserts: new Map(this.upserts), deletes: new Set(this.deletes) };
  }

  /** Forgets pending changes that a write has stored (unless they changed again meanwhile). */
  written(s: PendingChanges): void {
    for (const [id, a] of s.upserts) if (this.upserts.get(id) === a) this.upserts.delete(id);
    for (const id of s.deletes) this.deletes.delete(id);
  }
}
