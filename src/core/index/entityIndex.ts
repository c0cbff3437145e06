// The shared entity index: documents -> analyses -> mentions -> entities, the user's annotations,
// and their persistence under .dossier/. Pure core: all file access goes through WorkspacePort.
import { EMPTY_LEXICON, type Analysis, type Lexicon } from '../model';
import type { Disposable, WorkspacePort } from '../ports';
import type { AnchorResult } from './anchoring';
import { makeAnnotation } from './annotationInput';
import { AnalysisCache } from './analysisCache';
import { analyseDocument, decorate, type AnalysisOrigin, type DocumentState } from './documentState';
import { Emitter } from './emitter';
import { stableStringify } from './stableJson';
import { chronological, deriveLexicon, lexiconForText, mergeMap } from './lexicon';
import { definitionOf, mentionAt, mentionsOf } from './queries';
import { buildRegistry, toStored } from './registry';
import { scanWorkspace } from './scan';
import { EntitySearch } from './search';
import { DossierStore } from './store';
import type {
  Annotation, AnnotationInput, DocumentRecord, EntityIndex, EntityIndexOptions, EntityRecord, IndexChangeEvent,
  IndexDiagnostic, MentionLocation, MentionWithProvenance, Orphan, ScanProgress, ScanSummary, SearchOptions, SearchResult,
} from './types';

export const DEFAULT_INCLUDE = ['**/*.{txt,md}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.dossier/**'];

/** Loads .dossier/ through `port` and returns the index; call scan() to index the workspace. */
export async function openEntityIndex(port: WorkspacePort, options: EntityIndexOptions): Promise<EntityIndex> {
  const index = new WorkspaceEntityIndex(port, options);
  await index.load();
  return index;
}

class WorkspaceEntityIndex implements EntityIndex {
  private readonly docs = new Map<string, DocumentState>();
  private readonly anchors = new Map<string, AnchorResult>();
  private readonly emitter = new Emitter<IndexChangeEvent>();
  private readonly store: DossierStore;
  private readonly cache: AnalysisCache;
  private readonly search_ = new EntitySearch();
  private readonly diagnostics_: IndexDiagnostic[] = [];
  private annotations_: Annotation[] = [];
  private unreadable: { annotations: unknown[]; entities: unknown[] } = { annotations: [], entities: [] };
  private readonly pendingUpserts = new Map<string, Annotation>();
  private readonly pendingDeletes = new Set<string>();
  private readonly undoStack: string[] = [];
  private lexicon_: Lexicon = EMPTY_LEXICON;
  private registry = new Map<string, EntityRecord>();
  private previous = new Map<string, EntityRecord>();
  private registryDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private reason: string | undefined;

  constructor(
    private readonly port: WorkspacePort,
    private readonly options: EntityIndexOptions,
  ) {
    this.store = new DossierStore(port, (d) => this.report(d));
    this.cache = new AnalysisCache(port, !options.readOnly);
    if (options.readOnly) this.reason = 'This workspace is not trusted: Dossier indexes it but writes nothing to .dossier/.';
  }

  get readOnly(): boolean {
    return this.reason !== undefined;
  }
  get readOnlyReason(): string | undefined {
    return this.reason;
  }

  async load(): Promise<void> {
    const annotations = await this.store.loadAnnotations();
    const entities = await this.store.loadEntities();
    for (const [file, loaded] of [['annotations.json', annotations], ['entities.json', entities]] as const) {
      if (loaded.newerSchema !== undefined) {
        this.reason = `.dossier/${file} was written by a newer version of Dossier (schema ${loaded.newerSchema}); the index is read-only until Dossier is updated.`;
        this.report({ severity: 'error', code: 'newer-schema', path: `.dossier/${file}`, message: this.reason });
      }
    }
    this.annotations_ = annotations.items;
    this.unreadable = { annotations: annotations.unreadable, entities: entities.unreadable };
    this.previous = new Map(entities.items.map((r) => [r.id, { ...r, notes: r.notes ?? [], mergedIds: r.mergedIds ?? [], updated: r.updated ?? r.created, counts: { mentions: 0, documents: 0 } }]));
    this.lexicon_ = deriveLexicon(this.annotations_);
    this.rebuildRegistry();
  }

  // ---- documents ----

  scan(onProgress?: (p: ScanProgress) => void, signal?: { cancelled: boolean }): Promise<ScanSummary> {
    return scanWorkspace({
      port: this.port,
      include: this.options.include ?? DEFAULT_INCLUDE,
      exclude: this.options.exclude ?? DEFAULT_EXCLUDE,
      maxFileSizeMB: this.options.maxFileSizeMB ?? 5,
      known: () => [...this.docs.keys()],
      analyse: (path, text) => this.analyse(path, text),
      remove: (path) => this.docs.delete(path),
      report: (d) => this.report(d),
      onProgress,
      signal,
      done: async () => {
        this.redecorateAll();
        this.fire({ documents: [...this.docs.keys()], entities: [], annotations: true, all: true });
        this.scheduleWrite();
        await this.flush();
        // After a cancelled scan the unscanned documents' cache entries are still wanted.
        if (!signal?.cancelled) await this.cache.prune(new Set([...this.docs.values()].map((d) => d.key)));
      },
    });
  }

  async updateDocument(path: string, text: string, analysis?: Analysis): Promise<DocumentRecord> {
    await this.analyse(path, text, analysis);
    const doc = this.docs.get(path) as DocumentState;
    this.decorateOne(doc);
    this.afterChange([path]);
    return this.record(doc);
  }

  async removeDocument(path: string): Promise<void> {
    if (!this.docs.delete(path)) return;
    for (const a of this.annotations_) if (a.target?.source === path) this.anchors.delete(a.id);
    this.afterChange([path]);
  }

  async renameDocument(from: string, to: string): Promise<void> {
    const doc = this.docs.get(from);
    if (!doc || from === to) return;
    this.docs.delete(from);
    this.docs.set(to, { ...doc, path: to });
    // Annotations follow the file; they are rewritten, never left pointing at a missing path.
    this.annotations_ = this.annotations_.map((a) => {
      if (a.target?.source !== from) return a;
      const moved = { ...a, target: { ...a.target, source: to } };
      this.pendingUpserts.set(a.id, moved);
      return moved;
    });
    this.decorateOne(this.docs.get(to) as DocumentState);
    this.afterChange([from, to]);
  }

  documents(): string[] {
    return [...this.docs.keys()].sort();
  }
  getDocument(path: string): DocumentRecord | undefined {
    const doc = this.docs.get(path);
    return doc && this.record(doc);
  }
  getText(path: string): string | undefined {
    return this.docs.get(path)?.text;
  }

  // ---- entities ----

  entities(): EntityRecord[] {
    return [...this.registry.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  getEntity(id: string): EntityRecord | undefined {
    return this.registry.get(mergeMap(this.lexicon_)(id));
  }
  mentionsOf(entityId: string): MentionLocation[] {
    return mentionsOf(this.docs, mergeMap(this.lexicon_)(entityId));
  }
  definitionOf(entityId: string): MentionLocation | undefined {
    const e = this.getEntity(entityId);
    return e && definitionOf(this.docs, e);
  }
  mentionAt(path: string, offset: number): MentionWithProvenance | undefined {
    const doc = this.docs.get(path);
    return doc && mentionAt(doc, offset);
  }
  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.search_.search(query, options);
  }

  // ---- annotations ----

  lexicon(): Lexicon {
    return this.lexicon_;
  }
  lexiconFor(_path: string, text: string): Lexicon {
    return lexiconForText(this.lexicon_, text);
  }
  annotations(): Annotation[] {
    return chronological(this.annotations_);
  }

  async annotate(input: AnnotationInput): Promise<Annotation> {
    if (this.reason) throw new Error(this.reason);
    const annotation = makeAnnotation(input, {
      text: (p) => this.docs.get(p)?.text,
      mentions: (p) => this.docs.get(p)?.mentions ?? [],
      entity: (id) => this.getEntity(id),
      author: this.options.author ?? 'unknown',
      now: this.now(),
    });
    this.annotations_.push(annotation);
    this.pendingUpserts.set(annotation.id, annotation);
    this.undoStack.push(annotation.id);
    await this.annotationsChanged(true, [annotation]);
    return annotation;
  }

  async importAnnotations(annotations: readonly Annotation[]): Promise<{ added: number; duplicates: number }> {
    if (this.reason) throw new Error(this.reason);
    const sameDecision = (a: Annotation) => JSON.stringify([a.kind, a.body, a.target?.source, a.target?.selector]);
    const ids = new Set(this.annotations_.map((a) => a.id));
    const decisions = new Set(this.annotations_.map(sameDecision));
    let added = 0;
    for (const a of annotations) {
      if (ids.has(a.id) || decisions.has(sameDecision(a))) continue;
      ids.add(a.id);
      decisions.add(sameDecision(a));
      this.annotations_.push(a);
      this.pendingUpserts.set(a.id, a);
      added++;
    }
    if (added) await this.annotationsChanged(true, annotations);
    return { added, duplicates: annotations.length - added };
  }

  async undo(): Promise<Annotation | undefined> {
    if (this.reason) throw new Error(this.reason);
    while (this.undoStack.length) {
      const id = this.undoStack.pop() as string;
      const annotation = this.annotations_.find((a) => a.id === id);
      if (!annotation) continue; // already removed by another window
      this.annotations_ = this.annotations_.filter((a) => a.id !== id);
      this.pendingUpserts.delete(id);
      this.pendingDeletes.add(id);
      await this.annotationsChanged(true, [annotation]);
      return annotation;
    }
    return undefined;
  }

  orphans(): Orphan[] {
    const out: Orphan[] = [];
    for (const a of chronological(this.annotations_)) {
      if (!a.target) continue;
      const r = this.anchors.get(a.id);
      if (!this.docs.has(a.target.source)) out.push({ annotation: a, reason: `${a.target.source} is not in the index (deleted, renamed, excluded or not scanned yet).` });
      else if (r && 'orphan' in r) out.push({ annotation: a, reason: r.orphan });
    }
    return out;
  }

  diagnostics(): IndexDiagnostic[] {
    return [...this.diagnostics_];
  }

  onDidChange(listener: (e: IndexChangeEvent) => void): Disposable {
    return this.emitter.event(listener);
  }

  async reload(): Promise<void> {
    const loaded = await this.store.loadAnnotations();
    if (loaded.newerSchema !== undefined) {
      this.reason = `.dossier/annotations.json was written by a newer version of Dossier (schema ${loaded.newerSchema}); the index is read-only until Dossier is updated.`;
      this.report({ severity: 'error', code: 'newer-schema', path: '.dossier/annotations.json', message: this.reason });
      return;
    }
    this.unreadable.annotations = loaded.unreadable;
    this.annotations_ = this.mergeWithPending(loaded.items);
    await this.annotationsChanged(false);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.writing.then(() => this.write());
    this.writing = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    // A write still waiting for its coalescing delay is done now rather than lost.
    if (this.timer) void this.flush().catch(() => undefined);
    this.emitter.dispose();
  }

  // ---- internals ----

  private async analyse(path: string, text: string, given?: Analysis): Promise<AnalysisOrigin> {
    const { state, origin, error } = await analyseDocument({
      path, text, given, previous: this.docs.get(path), lexicon: this.lexicon_, engineVersion: this.options.engineVersion,
      analyze: this.options.analyze, cache: this.cache, documentDate: this.options.documentDate?.(path),
    });
    if (error) this.report({ severity: 'error', code: 'analysis-failed', path, message: `Analysis of ${path} failed: ${error}` });
    this.docs.set(path, state);
    return origin;
  }

  private decorateOne(doc: DocumentState): void {
    const results = decorate(doc, this.lexicon_, chronological(this.annotations_), mergeMap(this.lexicon_));
    for (const [id, r] of results) {
      this.anchors.set(id, r);
      if ('start' in r && r.method !== 'position') this.followEdit(id, doc.text, r.start, r.end);
    }
  }

  private redecorateAll(): void {
    for (const doc of this.docs.values()) this.decorateOne(doc);
    this.rebuildRegistry();
  }

  /** Rewrites the selectors of an annotation that re-anchored elsewhere, so anchors follow edits. */
  private followEdit(id: string, text: string, start: number, end: number): void {
    if (this.reason) return;
    const i = this.annotations_.findIndex((a) => a.id === id);
    const a = this.annotations_[i];
    if (!a?.target) return;
    const [quote] = a.target.selector;
    const moved: Annotation = {
      ...a,
      target: {
        source: a.target.source,
        selector: [
          { ...quote, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    };
    this.annotations_[i] = moved;
    this.pendingUpserts.set(id, moved);
    this.scheduleWrite();
  }

  /**
   * After the annotation set changed: new lexicon, re-analysis where it matters, new registry.
   * With `touched` (the annotations added or removed) only the documents they target or whose
   * lexicon part changed are re-decorated; a changed merge or an external change redoes all.
   */
  private async annotationsChanged(persist = true, touched?: readonly Annotation[]): Promise<void> {
    const old = this.lexicon_;
    this.lexicon_ = deriveLexicon(this.annotations_);
    const before = new Map([...this.docs].map(([p, d]) => [p, d.mentions]));
    const dirty = new Set<string>();
    for (const doc of [...this.docs.values()]) {
      if ((await this.analyse(doc.path, doc.text)) !== 'unchanged') dirty.add(doc.path);
    }
    const all = !touched || stableStringify(old.merges) !== stableStringify(this.lexicon_.merges);
    for (const a of touched ?? []) if (a.target) dirty.add(a.target.source);
    const targets = [...this.docs.values()].filter((d) => all || dirty.has(d.path));
    for (const doc of targets) this.decorateOne(doc);
    this.rebuildRegistry();
    const changed = targets.filter((d) => JSON.stringify(before.get(d.path)) !== JSON.stringify(d.mentions)).map((d) => d.path);
    this.fire({ documents: changed, entities: [], annotations: true, all: true });
    if (persist) this.scheduleWrite();
  }

  private afterChange(paths: string[]): void {
    const before = this.registry;
    this.rebuildRegistry();
    const entities = new Set<string>();
    for (const [id, r] of this.registry) {
      const old = before.get(id);
      if (!old || JSON.stringify(old) !== JSON.stringify(r)) entities.add(id);
    }
    for (const id of before.keys()) if (!this.registry.has(id)) entities.add(id);
    this.fire({ documents: paths, entities: [...entities].sort(), annotations: false });
    this.scheduleWrite();
  }

  private rebuildRegistry(): void {
    this.registry = buildRegistry({
      documents: [...this.docs.values()].map((d) => ({ path: d.path, entities: d.analysis.entities, mentions: d.mentions })),
      annotations: this.annotations_,
      previous: this.previous,
      resolve: mergeMap(this.lexicon_),
      now: this.now(),
    });
    this.registryDirty = true;
    this.search_.invalidate(() => this.registry.values());
  }

  private mergeWithPending(onDisk: readonly Annotation[]): Annotation[] {
    const byId = new Map(onDisk.filter((a) => !this.pendingDeletes.has(a.id)).map((a) => [a.id, a]));
    for (const [id, a] of this.pendingUpserts) byId.set(id, a);
    return [...byId.values()];
  }

  private async write(): Promise<void> {
    if (this.reason) return;
    try {
      await this.cache.flush();
      await this.store.ensureGitignore();
      if (this.pendingUpserts.size || this.pendingDeletes.size) {
        const upserts = new Map(this.pendingUpserts);
        const deletes = new Set(this.pendingDeletes);
        const mine = new Set(this.annotations_.map((a) => a.id));
        const merged = await this.store.saveAnnotations((disk) => ({ items: chronological(this.mergeWithPending(disk.items)), unreadable: disk.unreadable }));
        for (const [id, a] of upserts) if (this.pendingUpserts.get(id) === a) this.pendingUpserts.delete(id);
        for (const id of deletes) this.pendingDeletes.delete(id);
        // Another window's annotations arrived with the merge: apply them here too.
        if (merged.length !== mine.size || merged.some((a) => !mine.has(a.id))) {
          this.annotations_ = this.mergeWithPending(merged);
          await this.annotationsChanged(false);
        }
      }
      if (this.registryDirty) {
        this.registryDirty = false;
        this.previous = new Map(this.registry);
        await this.store.saveEntities(this.entities().map(toStored), this.unreadable.entities);
      }
    } catch (err) {
      const message = `Could not write .dossier/: ${err instanceof Error ? err.message : String(err)}. Changes are kept in memory and retried.`;
      this.report({ severity: 'error', code: 'write-failed', message });
      throw new Error(message);
    }
  }

  private scheduleWrite(): void {
    if (this.reason) return;
    const delay = this.options.writeDelayMs ?? 500;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined); // reported as a diagnostic by write()
    }, delay);
  }

  private record(doc: DocumentState): DocumentRecord {
    return { path: doc.path, hash: doc.hash, analysis: doc.analysis, mentions: doc.mentions };
  }

  private fire(e: IndexChangeEvent): void {
    this.emitter.fire(e);
  }

  private report(d: IndexDiagnostic): void {
    if (!this.diagnostics_.some((x) => x.code === d.code && x.path === d.path && x.message === d.message)) this.diagnostics_.push(d);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
