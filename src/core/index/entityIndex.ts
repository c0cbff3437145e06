// The shared entity index: documents -> analyses -> mentions -> entities, the user's annotations,
// and their persistence under .dossier/. Pure core: all file access goes through WorkspacePort.
import { EMPTY_LEXICON, type Analysis, type Lexicon } from '../model';
import type { Disposable, WorkspacePort } from '../ports';
import { retarget, type AnchorResult } from './anchoring';
import { makeAnnotation } from './annotationInput';
import { AnnotationLog } from './annotationLog';
import { AnalysisCache } from './analysisCache';
import { analyseDocument, decorate, type AnalysisOrigin, type DocumentState } from './documentState';
import { Emitter } from './emitter';
import type { AnalysisStore, IndexStore } from './indexStore';
import { corpusAliases, resolver } from './corpusAliases';
import { changedNames, deriveLexicon, lexiconForText, mergeMap } from './lexicon';
import { definitionOf, mentionAt, mentionsOf, quoteAt } from './queries';
import { buildRegistry, fromStored, toStored } from './registry';
import { readRegistrySnapshot, registryInput, writeRegistrySnapshot } from './registrySnapshot';
import { scanWorkspace } from './scan';
import { pageAt } from '../sources/types';
import { EntitySearch } from './search';
import { stableStringify } from './stableJson';
import { DossierStore } from './store';
import type {
  Annotation, AnnotationInput, DocumentRecord, EntityIndex, EntityIndexOptions, EntityRecord, IndexChangeEvent,
  IndexDiagnostic, MentionLocation, MentionWithProvenance, Orphan, QuoteWithProvenance, ScanProgress, ScanSummary, SearchOptions, SearchResult,
} from './types';
import { WriteScheduler } from './writeScheduler';

export const DEFAULT_INCLUDE = ['**/*.{txt,md,pdf,html,htm,docx}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.dossier/**'];

/** Loads .dossier/ through `port` and returns the index; call scan() to index the workspace. */
export async function openEntityIndex(port: WorkspacePort, options: EntityIndexOptions): Promise<EntityIndex> {
  const index = new WorkspaceEntityIndex(port, options);
  await index.load();
  return index;
}

const newerSchema = (file: string, version: number) =>
  `.dossier/${file} was written by a newer version of Dossier (schema ${version}); the index is read-only until Dossier is updated.`;

class WorkspaceEntityIndex implements EntityIndex {
  private readonly docs = new Map<string, DocumentState>();
  private clock = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly anchors = new Map<string, AnchorResult>();
  private readonly emitter = new Emitter<IndexChangeEvent>();
  private readonly store: IndexStore;
  private readonly cache: AnalysisStore;
  private readonly finder = new EntitySearch();
  private readonly writes: WriteScheduler;
  private readonly reported: IndexDiagnostic[] = [];
  private log = new AnnotationLog([]);
  private unreadable: { annotations: unknown[]; entities: unknown[] } = { annotations: [], entities: [] };
  private lex: Lexicon = EMPTY_LEXICON;
  private registry = new Map<string, EntityRecord>();
  /** The registry as last stored: keeps created/updated stable across runs. */
  private stored = new Map<string, EntityRecord>();
  private registryDirty = false;
  /** The fingerprint of entities.json as last read or written (the file store only). */
  private entitiesPrint: string | undefined;
  private reason: string | undefined;
  /** Short entity id -> the fuller entity another document names (see corpusAliases). */
  private aliases = new Map<string, string>();
  /** Merges and corpus aliases: where a mention's entity id finally points. */
  private resolveId: (id: string) => string = (id) => id;

  constructor(
    private readonly port: WorkspacePort,
    private readonly options: EntityIndexOptions,
  ) {
    this.store = options.store ?? new DossierStore(port, (d) => this.report(d));
    this.cache = options.analyses ?? new AnalysisCache(port, !options.readOnly);
    this.writes = new WriteScheduler(options.writeDelayMs ?? 500, () => this.write());
    if (options.readOnly) this.reason = typeof options.readOnly === 'string' ? options.readOnly : 'This workspace is not trusted: Dossier indexes it but writes nothing to .dossier/.';
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
      if (loaded.newerSchema !== undefined) this.goReadOnly(file, loaded.newerSchema);
    }
    this.log = new AnnotationLog(annotations.items);
    this.unreadable = { annotations: annotations.unreadable, entities: entities.unreadable };
    this.stored = new Map(entities.items.map((r) => [r.id, fromStored(r)]));
    this.entitiesPrint = entities.fingerprint;
    this.lex = deriveLexicon(this.log.all());
    this.refreshAliases();
    this.rebuildRegistry();
  }

  // ---- documents ----

  scan(onProgress?: (p: ScanProgress) => void, signal?: { cancelled: boolean }): Promise<ScanSummary> {
    // A document the editor changed, renamed or removed after the scan began is newer than
    // what the scan read: the scan neither overwrites nor removes it.
    const since = ++this.clock;
    const newer = (path: string) => (this.changedAt.get(path) ?? 0) > since;
    return scanWorkspace({
      port: this.port,
      include: this.options.include ?? DEFAULT_INCLUDE,
      exclude: this.options.exclude ?? DEFAULT_EXCLUDE,
      maxFileSizeMB: this.options.maxFileSizeMB ?? 5,
      maxSourceFileSizeMB: this.options.maxSourceFileSizeMB ?? 50,
      pruneSources: !this.reason,
      concurrency: this.options.scanConcurrency,
      known: () => [...this.docs.keys()],
      analyse: (path, text) => (newer(path) ? Promise.resolve('unchanged' as const) : this.analyse(path, text, undefined, since)),
      remove: (path) => !newer(path) && this.docs.delete(path),
      report: (d) => this.report(d),
      onProgress,
      signal,
      done: async () => {
        const restored = await this.restoreRegistry();
        if (!restored) {
          this.refreshAliases();
          for (const doc of this.docs.values()) this.decorateOne(doc);
          this.rebuildRegistry();
        }
        this.fire({ documents: this.documents(), entities: [], annotations: true, all: true });
        await this.flush();
        // After a cancelled scan the unscanned documents' cache entries are still wanted.
        if (!signal?.cancelled && !this.reason) {
          await this.cache.prune(new Set([...this.docs.values()].map((d) => d.key)));
          if (!restored) await this.saveRegistrySnapshot();
        }
      },
    });
  }

  async updateDocument(path: string, text: string, analysis?: Analysis): Promise<DocumentRecord> {
    // A later edit, rename or removal of the same path wins over this one (events can overlap).
    const since = this.touch(path);
    await this.analyse(path, text, analysis, since);
    const doc = this.docs.get(path);
    if (!doc) return { path, hash: '', analysis: { documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: this.options.engineVersion }, mentions: [], quotes: [] };
    this.afterDocumentChange([path], this.refreshAliases() ? [...this.docs.values()] : [doc]);
    return this.record(doc);
  }

  async cachedDocument(path: string, text: string): Promise<DocumentRecord | undefined> {
    const known = this.docs.get(path);
    if (known?.text === text && !known.error) return this.record(known);
    const since = this.clock;
    const { state, origin } = await analyseDocument({
      path, text, previous: known, lexicon: this.lex, engineVersion: this.options.engineVersion,
      analyze: () => Promise.reject(new Error('not cached')), cache: this.cache, documentDate: this.options.documentDate?.(path),
      metadataDate: this.port.sourceInfo?.(path)?.date,
    });
    // Only a cache hit is recorded; anything newer for the path (an edit, a removal) wins.
    if (origin !== 'cache' && origin !== 'unchanged') return undefined;
    if ((this.changedAt.get(path) ?? 0) > since) return undefined;
    this.touch(path);
    this.docs.set(path, state);
    this.afterDocumentChange([path], this.refreshAliases() ? [...this.docs.values()] : [state]);
    return this.record(state);
  }

  async removeDocument(path: string): Promise<void> {
    this.touch(path);
    if (!this.docs.delete(path)) return;
    this.afterDocumentChange([path], this.refreshAliases() ? [...this.docs.values()] : []);
  }

  async renameDocument(from: string, to: string): Promise<void> {
    if (from === to) return;
    this.touch(from);
    this.touch(to);
    const doc = this.docs.get(from);
    if (!doc) {
      // Not indexed yet (a scan has not reached it): index the new name from the file.
      const text = await this.port.readFile(to).catch(() => undefined);
      if (text !== undefined && !text.includes('\u0000')) await this.updateDocument(to, text);
      return;
    }
    this.docs.delete(from);
    this.docs.set(to, { ...doc, path: to });
    // Annotations follow the file; they are rewritten, never left pointing at a missing path.
    for (const a of this.log.all()) {
      if (a.target?.source === from && !this.reason) this.log.put({ ...a, target: { ...a.target, source: to } });
    }
    this.afterDocumentChange([from, to], [this.docs.get(to) as DocumentState]);
  }

  documents(): string[] {
    return [...this.docs.keys()].sort();
  }
  getDocument(path: string): DocumentRecord | undefined {
    const doc = this.docs.get(path);
    return doc && this.record(doc);
  }
  analysisFailures(): { path: string; error: string }[] {
    return [...this.docs.values()].filter((d) => d.error !== undefined).map((d) => ({ path: d.path, error: d.error ?? '' }));
  }
  pageOf(path: string, offset: number): number | undefined {
    return pageAt(this.port.sourceInfo?.(path)?.pages, offset);
  }
  getText(path: string): string | undefined {
    return this.docs.get(path)?.text;
  }

  // ---- entities ----

  entities(): EntityRecord[] {
    return [...this.registry.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  getEntity(id: string): EntityRecord | undefined {
    return this.registry.get(this.resolveId(id));
  }
  mentionsOf(entityId: string): MentionLocation[] {
    return mentionsOf(this.docs, this.resolveId(entityId));
  }
  definitionOf(entityId: string): MentionLocation | undefined {
    const e = this.getEntity(entityId);
    return e && definitionOf(this.docs, e);
  }
  mentionAt(path: string, offset: number): MentionWithProvenance | undefined {
    const doc = this.docs.get(path);
    return doc && mentionAt(doc, offset);
  }
  quoteAt(path: string, start: number, end = start): QuoteWithProvenance | undefined {
    return quoteAt(this.docs.get(path)?.quotes ?? [], start, end);
  }
  search(query: string, options?: SearchOptions): SearchResult[] {
    return this.finder.search(query, options);
  }

  // ---- annotations ----

  lexicon(): Lexicon {
    return this.lex;
  }
  lexiconFor(_path: string, text: string): Lexicon {
    return lexiconForText(this.lex, text);
  }
  annotations(): Annotation[] {
    return [...this.log.all()];
  }

  async annotate(input: AnnotationInput): Promise<Annotation> {
    this.assertWritable();
    const annotation = makeAnnotation(input, {
      text: (p) => this.docs.get(p)?.text,
      mentions: (p) => this.docs.get(p)?.mentions ?? [],
      quotes: (p) => this.docs.get(p)?.quotes ?? [],
      entity: (id) => this.getEntity(id),
      author: this.options.author ?? 'unknown',
      now: this.now(),
    });
    this.log.put(annotation, true);
    await this.annotationsChanged(true, [annotation]);
    return annotation;
  }

  async importAnnotations(annotations: readonly Annotation[]): Promise<{ added: number; duplicates: number }> {
    this.assertWritable();
    const added = this.log.import(annotations);
    if (added.length) await this.annotationsChanged(true, added);
    return { added: added.length, duplicates: annotations.length - added.length };
  }

  async undo(): Promise<Annotation | undefined> {
    this.assertWritable();
    const undone = this.log.undo();
    if (undone) await this.annotationsChanged(true, [undone]);
    return undone;
  }

  orphans(): Orphan[] {
    const out: Orphan[] = [];
    for (const a of this.log.all()) {
      if (!a.target) continue;
      const r = this.anchors.get(a.id);
      if (!this.docs.has(a.target.source)) out.push({ annotation: a, reason: `${a.target.source} is not in the index (deleted, renamed, excluded or not scanned yet).` });
      else if (r && 'orphan' in r) out.push({ annotation: a, reason: r.orphan });
    }
    return out;
  }

  diagnostics(): IndexDiagnostic[] {
    return [...this.reported];
  }

  onDidChange(listener: (e: IndexChangeEvent) => void): Disposable {
    return this.emitter.event(listener);
  }

  async reload(): Promise<void> {
    const loaded = await this.store.loadAnnotations();
    if (loaded.newerSchema !== undefined) return this.goReadOnly('annotations.json', loaded.newerSchema);
    this.unreadable.annotations = loaded.unreadable;
    this.log.adopt(loaded.items);
    await this.annotationsChanged(false);
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  dispose(): void {
    // A write still waiting for its coalescing delay is done now rather than lost.
    if (this.writes.pending) void this.flush().catch(() => undefined);
    this.emitter.dispose();
  }

  // ---- internals ----

  /** Marks `path` as changed now (see scan). */
  private touch(path: string): number {
    this.changedAt.set(path, ++this.clock);
    return this.clock;
  }

  /** With `since`, a result is dropped when the document changed after that tick (a newer one won). */
  private async analyse(path: string, text: string, given?: Analysis, since?: number): Promise<AnalysisOrigin> {
    const { state, origin, error } = await analyseDocument({
      path, text, given, previous: this.docs.get(path), lexicon: this.lex, engineVersion: this.options.engineVersion,
      analyze: this.options.analyze, cache: this.cache, documentDate: this.options.documentDate?.(path),
      metadataDate: this.port.sourceInfo?.(path)?.date,
    });
    if (since !== undefined && (this.changedAt.get(path) ?? 0) > since) return 'unchanged';
    if (error) this.report({ severity: 'error', code: 'analysis-failed', path, message: `Analysis of ${path} failed: ${error}` });
    this.docs.set(path, state);
    return origin;
  }

  /** Applies lexicon and annotations to one document; annotations that moved follow the text. */
  private decorateOne(doc: DocumentState): void {
    for (const [id, r] of decorate(doc, this.lex, this.log.all(), this.resolveId)) {
      this.anchors.set(id, r);
      const a = this.log.all().find((x) => x.id === id);
      if ('start' in r && r.method !== 'position' && a?.target && !this.reason) {
        this.log.put({ ...a, target: retarget(a.target, doc.text, r.start, r.end) });
        this.scheduleWrite();
      }
    }
  }

  /**
   * After the annotation set changed: new lexicon, re-analysis where it matters, new registry.
   * With `touched` (the annotations added or removed) only the documents they target or whose
   * lexicon part changed are re-decorated; a changed merge or an external change redoes all.
   */
  private async annotationsChanged(persist: boolean, touched?: readonly Annotation[]): Promise<void> {
    const old = this.lex;
    this.lex = deriveLexicon(this.log.all());
    const before = new Map([...this.docs].map(([p, d]) => [p, d.mentions]));
    const dirty = new Set<string>();
    // Only a document containing a name whose lexicon entry changed can analyse differently.
    const names = [...changedNames(old, this.lex)];
    for (const doc of [...this.docs.values()]) {
      if (doc.key && !names.some((n) => doc.text.includes(n))) continue;
      if ((await this.analyse(doc.path, doc.text)) !== 'unchanged') dirty.add(doc.path);
    }
    const aliasesMoved = this.refreshAliases();
    const all = !touched || aliasesMoved || stableStringify(old.merges) !== stableStringify(this.lex.merges);
    for (const a of touched ?? []) if (a.target) dirty.add(a.target.source);
    const targets = [...this.docs.values()].filter((d) => all || dirty.has(d.path));
    for (const doc of targets) this.decorateOne(doc);
    this.rebuildRegistry();
    const changed = targets.filter((d) => JSON.stringify(before.get(d.path)) !== JSON.stringify(d.mentions)).map((d) => d.path);
    this.fire({ documents: changed, entities: [], annotations: true, all: true });
    if (persist) this.scheduleWrite();
  }

  /** Recomputes the corpus aliases (and the resolver); true when they changed. */
  private refreshAliases(): boolean {
    const docs = [...this.docs.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const next = corpusAliases(docs.map((d) => d.analysis.entities), this.lex);
    const changed = next.size !== this.aliases.size || [...next].some(([k, v]) => this.aliases.get(k) !== v);
    this.aliases = next;
    this.resolveId = resolver(mergeMap(this.lex), this.aliases);
    return changed;
  }

  private afterDocumentChange(paths: string[], redecorate: DocumentState[]): void {
    for (const doc of redecorate) this.decorateOne(doc);
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

  /**
   * With `options.snapshot`: the registry and aliases of an unchanged corpus (same documents,
   * annotations and entities.json as when the snapshot was saved) come from the snapshot.
   */
  private async restoreRegistry(): Promise<boolean> {
    if (!this.options.snapshot || this.reason || !this.entitiesPrint) return false;
    const snap = await readRegistrySnapshot(this.port);
    if (!snap || snap.entities !== this.entitiesPrint || snap.input !== registryInput(this.docs.values(), this.log.all())) return false;
    this.aliases = new Map(snap.aliases);
    this.resolveId = resolver(mergeMap(this.lex), this.aliases);
    for (const doc of this.docs.values()) this.decorateOne(doc);
    // Decorating re-anchored an annotation that moved: its registry is built afresh.
    if (this.log.hasPending()) return this.rebuildRegistry(), false;
    this.registry = new Map(snap.registry.map((r) => [r.id, r]));
    this.stored = new Map(this.registry);
    this.registryDirty = false;
    this.finder.invalidate(() => this.registry.values());
    return true;
  }

  private async saveRegistrySnapshot(): Promise<void> {
    if (!this.options.snapshot || this.registryDirty || !this.entitiesPrint) return;
    const input = registryInput(this.docs.values(), this.log.all());
    const docs = [...this.docs.values()].map((d): [string, string] => [d.path, d.key]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const snapshot = { input, entities: this.entitiesPrint, aliases: [...this.aliases], registry: this.entities(), docs, orphans: this.orphans().length };
    await writeRegistrySnapshot(this.port, snapshot).catch(() => undefined);
  }

  private rebuildRegistry(): void {
    this.registry = buildRegistry({
      documents: [...this.docs.values()].map((d) => ({ path: d.path, entities: d.analysis.entities, mentions: d.mentions })),
      annotations: this.log.all(),
      previous: this.stored,
      resolve: this.resolveId,
      now: this.now(),
    });
    this.registryDirty = true;
    this.finder.invalidate(() => this.registry.values());
  }

  private async write(): Promise<void> {
    if (this.reason) return;
    try {
      await this.cache.flush();
      await this.store.ensureGitignore();
      if (this.log.hasPending()) {
        const pending = this.log.snapshot();
        const onDisk = await this.store.saveAnnotations((disk) => ({ items: this.log.mergedWith(disk.items), unreadable: disk.unreadable }));
        this.log.written(pending);
        // Another window's annotations arrived with the merge: apply them here too.
        if (this.log.adopt(onDisk)) await this.annotationsChanged(false);
      }
      if (this.registryDirty) {
        this.registryDirty = false;
        this.stored = new Map(this.registry);
        this.entitiesPrint = (await this.store.saveEntities(this.entities().map(toStored), this.unreadable.entities)) || undefined;
      }
    } catch (err) {
      const message = `Could not write .dossier/: ${err instanceof Error ? err.message : String(err)}. Changes are kept in memory and retried.`;
      this.report({ severity: 'error', code: 'write-failed', message });
      throw new Error(message);
    }
  }

  private scheduleWrite(): void {
    if (!this.reason) this.writes.schedule();
  }

  private assertWritable(): void {
    if (this.reason) throw new Error(this.reason);
  }

  private goReadOnly(file: string, version: number): void {
    this.reason = newerSchema(file, version);
    this.report({ severity: 'error', code: 'newer-schema', path: `.dossier/${file}`, message: this.reason });
  }

  private record(doc: DocumentState): DocumentRecord {
    return { path: doc.path, hash: doc.hash, analysis: doc.analysis, mentions: doc.mentions, quotes: doc.quotes, ...(doc.error ? { analysisError: doc.error } : {}) };
  }

  private fire(e: IndexChangeEvent): void {
    this.emitter.fire(e);
  }

  private report(d: IndexDiagnostic): void {
    if (!this.reported.some((x) => x.code === d.code && x.path === d.path && x.message === d.message)) this.reported.push(d);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
