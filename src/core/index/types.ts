// Public API of the shared entity index: what the CLI and the extension code against.
// The implementation lives beside this file; `openEntityIndex` in ./entityIndex.ts creates one.
import type { Analysis, AnalyzeOptions, EntityType, GeoInfo, Lexicon, Mention, Provenance, Quote } from '../model';
import type { Disposable } from '../ports';
import type { AnalysisStore, IndexStore } from './indexStore';

/** text -> analysis; the CLI passes the engine's `analyze`, the extension one backed by its worker. */
export type Analyzer = (text: string, options: AnalyzeOptions) => Analysis | Promise<Analysis>;

export interface EntityIndexOptions {
  analyze: Analyzer;
  /** The engine's ENGINE_VERSION: part of every cache key. */
  engineVersion: string;
  /** Recorded on annotations: git user.name, else the OS user (the adapter finds it). */
  author?: string;
  /** Globs for scan(); defaults: ['**\/*.{txt,md,pdf,html,htm,docx}'] and node_modules, .git, .dossier. */
  include?: string[];
  exclude?: string[];
  /** Documents scan() analyses at once (an analyzer backed by worker threads). Default 1. */
  scanConcurrency?: number;
  /** Files above this are reported by scan(), not analysed. Default 5. */
  maxFileSizeMB?: number;
  /** The same for PDF, HTML and DOCX files, whose text is a fraction of their size. Default 50. */
  maxSourceFileSizeMB?: number;
  /** Untrusted workspace: index in memory, never write .dossier/. A text is the reason shown (e.g. read-only access to the team index). */
  readOnly?: boolean | string;
  /** Coalescing delay for .dossier/ writes; 0 writes at once. Default 500 ms. */
  writeDelayMs?: number;
  /** Supplies a document date when the text names none (e.g. file mtime). */
  documentDate?: (path: string) => string | undefined;
  /** Clock, for tests. */
  now?: () => Date;
  /** Where annotations and the registry live; default the workspace's .dossier/ files. */
  store?: IndexStore;
  /** Where analyses are cached; default .dossier/cache/. */
  analyses?: AnalysisStore;
  /**
   * Keep the snapshot of a full scan (.dossier/cache/registry.snapshot) and reopen an unchanged
   * corpus from it (the CLI). Only with the default stores.
   */
  snapshot?: boolean;
}

export interface MentionWithProvenance extends Mention {
  provenance: Provenance;
  /** Annotation ids that ruled on this mention. */
  annotations?: string[];
}

/** A quote after the user's corrections: 'corrected' (Change Speaker…), 'manual' (a quote the user added). */
export interface QuoteWithProvenance extends Quote {
  provenance: 'auto' | 'corrected' | 'manual';
  /** Annotation ids that ruled on this quote. */
  annotations?: string[];
}

export interface DocumentRecord {
  path: string;
  /** Content hash of the analysed text. */
  hash: string;
  /** The engine's analysis (cached), before annotations are applied. */
  analysis: Analysis;
  /** Sorted by start, never overlapping; rejected mentions are kept with provenance 'rejected'. */
  mentions: MentionWithProvenance[];
  /** The engine's quotes with the user's corrections applied ("Not a Quote" ones removed), by start. */
  quotes: QuoteWithProvenance[];
  /** Why the last analysis failed; the document is kept with no mentions until a retry succeeds. */
  analysisError?: string;
}

export interface EntityNote {
  text: string;
  author: string;
  created: string;
  /** Annotation that wrote the note. */
  annotation: string;
}

/** One entity of the workspace registry (.dossier/entities.json). */
export interface EntityRecord {
  id: string;
  type: EntityType;
  canonical: string;
  aliases: string[];
  notes: EntityNote[];
  /** Ids merged into this one; getEntity(mergedId) resolves here. */
  mergedIds: string[];
  /** ISO timestamps. */
  created: string;
  updated: string;
  value?: string;
  geo?: GeoInfo;
  /** Not persisted: live counts over non-rejected mentions. */
  counts: { mentions: number; documents: number };
}

export interface MentionLocation {
  path: string;
  mention: MentionWithProvenance;
  /** 0-based line of mention.start. */
  line: number;
  /** 0-based column (UTF-16) of mention.start within the line. */
  character: number;
  /** The line (trimmed to ~160 chars around the mention). */
  context: string;
}

// ---- Annotations: stored in .dossier/annotations.json, W3C Web Annotation vocabulary ----

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** ~32 characters before and after. */
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface AnnotationTarget {
  /** Workspace-relative document path. */
  source: string;
  /** Equivalent alternatives, as W3C allows: quote first, position second. */
  selector: [TextQuoteSelector, TextPositionSelector];
}

export type AnnotationKind =
  | 'add' // selection -> new mention (manual)
  | 'confirm' // mention is right (confirmed)
  | 'reject' // not an entity (here, or everywhere with body.everywhere)
  | 'relabel' // change type
  | 'link' // mention belongs to another entity
  | 'merge' // entity body.from into target entity body.entity
  | 'split' // alias body.alias off entity body.entity into a new entity
  | 'rename' // canonical name of body.entity becomes body.name
  | 'note' // body.note on body.entity
  | 'speaker' // the quote at the target was said by body.entity (none: unattributed); adds the quote if the engine missed it
  | 'notQuote'; // the text at the target is not a quote

export interface AnnotationBody {
  type?: EntityType;
  entity?: string;
  /** merge: the entity merged away. */
  from?: string;
  /** split: the alias split off. */
  alias?: string;
  /** rename/split: the new canonical name. */
  name?: string;
  note?: string;
  everywhere?: boolean;
}

export interface Annotation {
  /** "urn:uuid:…" */
  id: string;
  kind: AnnotationKind;
  author: string;
  /** ISO timestamp. */
  created: string;
  /** Mention-level kinds have a target; entity-level ones (merge, split, rename, note) may not. */
  target?: AnnotationTarget;
  body: AnnotationBody;
}

/** What the editor/CLI asks for; offsets are into the document as the index last saw it. */
export type AnnotationInput =
  | { kind: 'add'; path: string; start: number; end: number; type: EntityType; entity?: string }
  | { kind: 'confirm'; path: string; start: number; end: number }
  | { kind: 'reject'; path: string; start: number; end: number; everywhere?: boolean }
  | { kind: 'relabel'; path: string; start: number; end: number; type: EntityType }
  | { kind: 'link'; path: string; start: number; end: number; entity: string }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'split'; entity: string; alias: string; name?: string }
  | { kind: 'rename'; entity: string; name: string }
  | { kind: 'note'; entity: string; note: string; path?: string; start?: number; end?: number }
  /** The quote covering start-end (or, when there is none, the selection as a new quote) was said by `speaker` (null: unattributed). */
  | { kind: 'speaker'; path: string; start: number; end: number; speaker: string | null }
  | { kind: 'notQuote'; path: string; start: number; end: number };

export interface Orphan {
  annotation: Annotation;
  reason: string;
}

// ---- Diagnostics, events, search, scan ----

export interface IndexDiagnostic {
  severity: 'info' | 'warning' | 'error';
  /** Stable code: 'corrupt-file', 'newer-schema', 'too-large', 'read-failed', 'analysis-failed', 'write-failed', 'lock-stale'. */
  code: string;
  message: string;
  path?: string;
}

export interface IndexChangeEvent {
  /** Documents whose mentions changed (added, updated, removed, renamed: both paths). */
  documents: string[];
  /** Entities whose record or mentions changed; [] with `all` when everything may have. */
  entities: string[];
  /** Annotations or orphans changed. */
  annotations: boolean;
  all?: boolean;
}

export interface SearchOptions {
  types?: EntityType[];
  /** Default 20. */
  limit?: number;
}
export interface SearchResult {
  entity: EntityRecord;
  /** 0 = perfect (fuse.js score). */
  score: number;
  /** The name or alias that matched. */
  matched: string;
}

export interface ScanProgress {
  done: number;
  total: number;
  path: string;
}
export interface ScanSummary {
  documents: number;
  /** Documents the engine ran on; the rest came from the cache or were unchanged. */
  analysed: number;
  fromCache: number;
  removed: number;
  /** `code` as on the diagnostic: 'too-large', 'binary', 'read-failed', 'source-no-text-layer'… */
  skipped: { path: string; reason: string; code?: string }[];
  ms: number;
}

export interface EntityIndex extends Disposable {
  /** True when nothing may be written (untrusted workspace, newer schema); see readOnlyReason. */
  readonly readOnly: boolean;
  readonly readOnlyReason: string | undefined;
  /** Lists include/exclude files, (re)analyses what changed, drops what vanished. */
  scan(onProgress?: (p: ScanProgress) => void, signal?: { cancelled: boolean }): Promise<ScanSummary>;
  /** Analyses `text` unless `analysis` is given (computed with lexiconFor(path, text)). */
  updateDocument(path: string, text: string, analysis?: Analysis): Promise<DocumentRecord>;
  /**
   * The record for exactly this text when the index or .dossier/cache/ already holds its
   * analysis (recorded like updateDocument); undefined when it would need the engine.
   */
  cachedDocument(path: string, text: string): Promise<DocumentRecord | undefined>;
  removeDocument(path: string): Promise<void>;
  /** Documents whose last analysis failed (kept with no mentions); updateDocument with the same text retries. */
  analysisFailures(): { path: string; error: string }[];
  renameDocument(from: string, to: string): Promise<void>;
  documents(): string[];
  getDocument(path: string): DocumentRecord | undefined;
  /** The text the index last analysed for `path`. */
  getText(path: string): string | undefined;
  /** PDF documents: the 1-based page of an offset into the text; undefined for other kinds. */
  pageOf(path: string, offset: number): number | undefined;
  entities(): EntityRecord[];
  /** Follows merges and aliases across documents: a merged-away or short id returns the record it now belongs to. */
  getEntity(id: string): EntityRecord | undefined;
  /** Non-rejected mentions across the workspace, by path then offset. */
  mentionsOf(entityId: string): MentionLocation[];
  /** The first mention spelling out the canonical name, else the first of the longest mentions. */
  definitionOf(entityId: string): MentionLocation | undefined;
  /** The non-rejected mention covering `offset`, if any. */
  mentionAt(path: string, offset: number): MentionWithProvenance | undefined;
  /** The quote (corrections applied) at the cursor `start`, or overlapping the selection start-end most. */
  quoteAt(path: string, start: number, end?: number): QuoteWithProvenance | undefined;
  search(query: string, options?: SearchOptions): SearchResult[];
  /** The whole lexicon derived from annotations. */
  lexicon(): Lexicon;
  /** The part of the lexicon relevant to one text: what the worker should analyse with. */
  lexiconFor(path: string, text: string): Lexicon;
  annotations(): Annotation[];
  annotate(input: AnnotationInput): Promise<Annotation>;
  /** Adds annotations from elsewhere (dossier import); ids or identical decisions already present are skipped. */
  importAnnotations(annotations: readonly Annotation[]): Promise<{ added: number; duplicates: number }>;
  /** Removes the last annotation made through this index; undefined when there is none. */
  undo(): Promise<Annotation | undefined>;
  orphans(): Orphan[];
  diagnostics(): IndexDiagnostic[];
  onDidChange(listener: (e: IndexChangeEvent) => void): Disposable;
  /** Re-reads .dossier/ (after git pull or another window wrote) and merges. */
  reload(): Promise<void>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
}
