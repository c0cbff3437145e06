// One EntityIndex over several workspace folders, each with its own index and .dossier/. Paths
// are `folder/relative` (the folder's name first), so every view, search, navigation and corpus
// view spans all folders and shows which folder a document is in. Entities are merged by id (ids
// come from type + canonical name, the same in every folder); annotations go to the folder of
// their document, entity-level ones (merge, rename, note…) to every folder that knows the entity.
import type { Analysis } from '../model';
import type { Disposable } from '../ports';
import type {
  Annotation,
  AnnotationInput,
  DocumentRecord,
  EntityIndex,
  EntityRecord,
  IndexChangeEvent,
  MentionLocation,
  ScanProgress,
  ScanSummary,
  SearchOptions,
  SearchResult,
} from './types';
import { mergeEntityRecords, mergeLexicons } from './multiRootMerge';

export interface FolderIndex {
  /** Unique among the parts, no '/': the first segment of every path. */
  name: string;
  index: EntityIndex;
}

export class MultiRootIndex implements EntityIndex {
  private readonly byName = new Map<string, EntityIndex>();
  private readonly listeners = new Set<(e: IndexChangeEvent) => void>();
  private readonly subscriptions: Disposable[];
  private readonly undoStack: EntityIndex[][] = [];
  private entityCache: EntityRecord[] | undefined;

  constructor(readonly parts: readonly FolderIndex[]) {
    for (const p of parts) this.byName.set(p.name, p.index);
    this.subscriptions = parts.map((p) =>
      p.index.onDidChange((e) => {
        this.entityCache = undefined;
        const event = { ...e, documents: e.documents.map((d) => `${p.name}/${d}`) };
        for (const l of [...this.listeners]) l(event);
      }),
    );
  }

  get readOnly(): boolean {
    return this.parts.some((p) => p.index.readOnly);
  }

  get readOnlyReason(): string | undefined {
    const p = this.parts.find((x) => x.index.readOnly);
    return p && `${p.name}: ${p.index.readOnlyReason ?? 'read-only'}`;
  }

  /** The folder's own index and the path inside it; undefined for a path in no folder. */
  route(path: string): { name: string; index: EntityIndex; path: string } | undefined {
    const slash = path.indexOf('/');
    const name = slash < 0 ? path : path.slice(0, slash);
    const index = this.byName.get(name);
    return index && slash > 0 ? { name, index, path: path.slice(slash + 1) } : undefined;
  }

  private routeOrThrow(path: string): { name: string; index: EntityIndex; path: string } {
    const r = this.route(path);
    if (!r) throw new Error(`${path} is in none of the workspace folders (${this.parts.map((p) => p.name).join(', ')})`);
    return r;
  }

  async scan(onProgress?: (p: ScanProgress) => void, signal?: { cancelled: boolean }): Promise<ScanSummary> {
    const total: ScanSummary = { documents: 0, analysed: 0, fromCache: 0, removed: 0, skipped: [], ms: 0 };
    let before = 0;
    for (const { name, index } of this.parts) {
      if (signal?.cancelled) break;
      const s = await index.scan(onProgress && ((p) => onProgress({ done: before + p.done, total: before + p.total, path: `${name}/${p.path}` })), signal);
      before += s.documents + s.skipped.length;
      total.documents += s.documents;
      total.analysed += s.analysed;
      total.fromCache += s.fromCache;
      total.removed += s.removed;
      total.ms += s.ms;
      total.skipped.push(...s.skipped.map((k) => ({ ...k, path: `${name}/${k.path}` })));
    }
    return total;
  }

  async updateDocument(path: string, text: string, analysis?: Analysis): Promise<DocumentRecord> {
    const r = this.routeOrThrow(path);
    return { ...(await r.index.updateDocument(r.path, text, analysis)), path };
  }

  async cachedDocument(path: string, text: string): Promise<DocumentRecord | undefined> {
    const r = this.route(path);
    const rec = r && (await r.index.cachedDocument(r.path, text));
    return rec && { ...rec, path };
  }

  async removeDocument(path: string): Promise<void> {
    const r = this.route(path);
    if (r) await r.index.removeDocument(r.path);
  }

  analysisFailures(): { path: string; error: string }[] {
    return this.parts.flatMap((p) => p.index.analysisFailures().map((f) => ({ ...f, path: `${p.name}/${f.path}` })));
  }

  async renameDocument(from: string, to: string): Promise<void> {
    const a = this.routeOrThrow(from);
    const b = this.routeOrThrow(to);
    if (a.index === b.index) return a.index.renameDocument(a.path, b.path);
    // Moved to another folder: that folder's index analyses it (its annotations stay behind as orphans).
    const text = a.index.getText(a.path);
    await a.index.removeDocument(a.path);
    if (text !== undefined) await b.index.updateDocument(b.path, text);
  }

  documents(): string[] {
    return this.parts.flatMap((p) => p.index.documents().map((d) => `${p.name}/${d}`));
  }

  getDocument(path: string): DocumentRecord | undefined {
    const r = this.route(path);
    const rec = r?.index.getDocument(r.path);
    return rec && { ...rec, path };
  }

  getText(path: string): string | undefined {
    const r = this.route(path);
    return r?.index.getText(r.path);
  }

  pageOf(path: string, offset: number): number | undefined {
    const r = this.route(path);
    return r?.index.pageOf(r.path, offset);
  }

  entities(): EntityRecord[] {
    if (!this.entityCache) {
      const byId = new Map<string, EntityRecord[]>();
      for (const p of this.parts) for (const e of p.index.entities()) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
      this.entityCache = [...byId.values()].map(mergeEntityRecords);
    }
    return this.entityCache;
  }

  getEntity(id: string): EntityRecord | undefined {
    const found = this.parts.flatMap((p) => p.index.getEntity(id) ?? []);
    if (!found.length) return undefined;
    const resolved = found[0].id;
    // Each folder may resolve a merged id; the record is every folder's record of the target.
    const same = this.parts.flatMap((p) => p.index.getEntity(resolved) ?? []).filter((e) => e.id === resolved);
    return mergeEntityRecords(same.length ? same : found);
  }

  mentionsOf(entityId: string): MentionLocation[] {
    return this.parts.flatMap((p) => p.index.mentionsOf(entityId).map((l) => ({ ...l, path: `${p.name}/${l.path}` })));
  }

  definitionOf(entityId: string): MentionLocation | undefined {
    for (const p of this.parts) {
      const d = p.index.definitionOf(entityId);
      if (d) return { ...d, path: `${p.name}/${d.path}` };
    }
    return undefined;
  }

  mentionAt(path: string, offset: number) {
    const r = this.route(path);
    return r?.index.mentionAt(r.path, offset);
  }

  quoteAt(path: string, start: number, end?: number) {
    const r = this.route(path);
    return r?.index.quoteAt(r.path, start, end);
  }

  search(query: string, options?: SearchOptions): SearchResult[] {
    const best = new Map<string, SearchResult>();
    for (const p of this.parts) {
      for (const r of p.index.search(query, options)) {
        const had = best.get(r.entity.id);
        if (!had || r.score < had.score) best.set(r.entity.id, r);
      }
    }
    const merged = new Map(this.entities().map((e) => [e.id, e]));
    return [...best.values()]
      .map((r) => ({ ...r, entity: merged.get(r.entity.id) ?? r.entity }))
      .sort((a, b) => a.score - b.score)
      .slice(0, options?.limit ?? 20);
  }

  lexicon() {
    return mergeLexicons(this.parts.map((p) => p.index.lexicon()));
  }

  lexiconFor(path: string, text: string) {
    const r = this.route(path);
    return r ? r.index.lexiconFor(r.path, text) : this.lexicon();
  }

  annotations(): Annotation[] {
    return this.parts.flatMap((p) => p.index.annotations().map((a) => this.prefixed(p.name, a)));
  }

  private prefixed(name: string, a: Annotation): Annotation {
    return a.target ? { ...a, target: { ...a.target, source: `${name}/${a.target.source}` } } : a;
  }

  async annotate(input: AnnotationInput): Promise<Annotation> {
    if ('path' in input && input.path !== undefined) {
      const r = this.routeOrThrow(input.path);
      const a = await r.index.annotate({ ...input, path: r.path });
      this.undoStack.push([r.index]);
      return this.prefixed(r.name, a);
    }
    const id = input.kind === 'merge' ? input.into : (input as { entity?: string }).entity ?? '';
    const from = input.kind === 'merge' ? input.from : undefined;
    const targets = this.parts.filter((p) => p.index.getEntity(id) || (from && p.index.getEntity(from)));
    if (!targets.length) throw new Error(`unknown entity ${id}`);
    const made: Annotation[] = [];
    for (const p of targets) made.push(await p.index.annotate(input));
    this.undoStack.push(targets.map((p) => p.index));
    return made[0];
  }

  async importAnnotations(annotations: readonly Annotation[]): Promise<{ added: number; duplicates: number }> {
    const total = { added: 0, duplicates: 0 };
    for (const p of this.parts) {
      const mine = annotations.flatMap((a) => {
        if (!a.target) return [a];
        const r = this.route(a.target.source);
        return r?.index === p.index ? [{ ...a, target: { ...a.target, source: r.path } }] : [];
      });
      if (!mine.length) continue;
      const r = await p.index.importAnnotations(mine);
      total.added += r.added;
      total.duplicates += r.duplicates;
    }
    return total;
  }

  async undo(): Promise<Annotation | undefined> {
    const last = this.undoStack.pop();
    let undone: Annotation | undefined;
    for (const index of last ?? []) undone = (await index.undo()) ?? undone;
    const p = this.parts.find((x) => last?.[0] === x.index);
    return undone && p ? this.prefixed(p.name, undone) : undone;
  }

  orphans() {
    return this.parts.flatMap((p) => p.index.orphans().map((o) => ({ ...o, annotation: this.prefixed(p.name, o.annotation) })));
  }

  diagnostics() {
    return this.parts.flatMap((p) => p.index.diagnostics().map((d) => ({ ...d, path: d.path === undefined ? undefined : `${p.name}/${d.path}` })));
  }

  onDidChange(listener: (e: IndexChangeEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  async reload(): Promise<void> {
    for (const p of this.parts) await p.index.reload();
  }

  async flush(): Promise<void> {
    await Promise.all(this.parts.map((p) => p.index.flush()));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.listeners.clear();
    for (const p of this.parts) p.index.dispose();
  }
}
