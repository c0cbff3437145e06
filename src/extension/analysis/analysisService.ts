// Analyses every open Dossier document in the worker: immediately on open, debounced after
// edits (`dossier.debounceMs`), newest version wins. Holds the current analysis per document,
// with provenance applied by the index when one is attached.
import * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions, Lexicon } from '../../core/model';
import type { ConfigMonitor, DossierConfig } from '../config';
import { FallbackDates } from './fallbackDates';
import { shiftMentions } from './shiftMentions';
import type { WorkerClient } from './workerClient';

export interface DocumentAnalysis {
  uri: vscode.Uri;
  /** The document version the analysis was computed for (later edits shift its mentions). */
  version: number;
  analysis: Analysis;
  /** True while edits made after `version` await re-analysis. */
  stale: boolean;
}

/** What the index contributes to live analysis; attached once the index has opened. */
export interface AnalysisIndexBridge {
  /** Records the analysis in the index and returns it with annotations applied (provenance). */
  accept(document: vscode.TextDocument, text: string, analysis: Analysis): Promise<Analysis>;
  /** The index's or the analysis cache's result for exactly this text (provenance applied), if any. */
  cached(document: vscode.TextDocument, text: string): Promise<Analysis | undefined>;
  /** The lexicon to analyse this document with. */
  lexiconFor(document: vscode.TextDocument, text: string): Lexicon;
  /** Fires when annotations change the lexicon, so open documents are re-analysed. */
  onDidChangeLexicon: vscode.Event<void>;
}

interface Waiter {
  version: number;
  resolve: (a: DocumentAnalysis | undefined) => void;
}

export class AnalysisService implements vscode.Disposable {
  private readonly current = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly tooLarge = new Set<string>();
  /** Documents whose analysis hit the worker's time limit, with the text length at the time. */
  private readonly tooSlow = new Map<string, number>();
  /** Documents whose cached analysis is being looked up (one look-up each: runs repeat at start-up). */
  private readonly painting = new Set<string>();
  private readonly fallbackDates: FallbackDates;
  private readonly emitter = new vscode.EventEmitter<DocumentAnalysis>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private bridge: AnalysisIndexBridge | undefined;
  private configKey: string;
  /** Fires after a document's analysis was replaced (not on the cheap shifts while typing). */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly worker: WorkerClient,
    private readonly config: ConfigMonitor,
    private readonly log: vscode.LogOutputChannel,
    /** The date in a PDF, HTML or DOCX file's own metadata, for its text view. */
    private readonly metadataDate: (uri: vscode.Uri) => string | undefined = () => undefined,
  ) {
    const ws = vscode.workspace;
    this.fallbackDates = new FallbackDates(config);
    this.configKey = analysisKey(config.current);
    this.subscriptions.push(
      this.emitter,
      ws.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      ws.onDidChangeTextDocument((e) => this.changed(e)),
      ws.onDidCloseTextDocument((d) => this.closed(d)),
      config.onDidChange((c) => {
        // Highlight toggles and the like only redraw; these change what the engine sees.
        const next = analysisKey(c);
        if (next === this.configKey) return;
        this.configKey = next;
        this.fallbackDates.clear();
        this.reanalyzeAll();
      }),
    );
    for (const d of ws.textDocuments) this.schedule(d, 0);
  }

  /** Plugs the index in: its lexicon feeds the engine and its annotations set provenance. */
  attachIndex(bridge: AnalysisIndexBridge): vscode.Disposable {
    this.bridge = bridge;
    const sub = bridge.onDidChangeLexicon(() => this.reanalyzeAll());
    this.reanalyzeAll();
    return new vscode.Disposable(() => {
      sub.dispose();
      if (this.bridge === bridge) this.bridge = undefined;
    });
  }

  isDossierDocument(d: vscode.TextDocument): boolean {
    // Output panes, git blobs and the like are not articles.
    if (!['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata', 'dossier-source'].includes(d.uri.scheme)) return false;
    return this.config.current.languages.includes(d.languageId);
  }

  /** The latest analysis of an open document (possibly shifted by unanalysed edits). */
  get(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.current.get(uri.toString());
  }

  all(): DocumentAnalysis[] {
    return [...this.current.values()];
  }

  /** Resolves with an analysis of the document's current version (undefined if none will come). */
  whenAnalyzed(d: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const key = d.uri.toString();
    const have = this.current.get(key);
    if (have && !have.stale && have.version >= d.version) return Promise.resolve(have);
    if (!this.isDossierDocument(d) || this.tooLarge.has(key)) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push({ version: d.version, resolve });
      this.waiters.set(key, list);
      // Someone is waiting: skip the debounce.
      this.schedule(d, 0);
    });
  }

  /** Resolves when every visible Dossier document has an analysis, or after `timeoutMs`. */
  async visibleAnalysed(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const docs = vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => this.isDossierDocument(d));
    await Promise.race([
      Promise.all(docs.map((d) => this.whenAnalyzed(d))),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  reanalyzeAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    const have = this.current.get(key);
    if (have) {
      const edits = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, textLength: c.text.length }));
      this.current.set(key, { ...have, analysis: shiftMentions(have.analysis, edits), stale: true });
    }
    this.schedule(e.document, this.config.current.debounceMs);
  }

  private closed(d: vscode.TextDocument): void {
    const key = d.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.current.delete(key);
    this.tooLarge.delete(key);
    this.tooSlow.delete(key);
    this.fallbackDates.forget(key);
    this.worker.forget(key);
    this.settleWaiters(key, undefined, true);
  }

  private schedule(d: vscode.TextDocument, delayMs: number): void {
    if (!this.isDossierDocument(d)) return;
    const key = d.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(d);
    }, delayMs));
  }

  private async run(d: vscode.TextDocument): Promise<void> {
    const key = d.uri.toString();
    if (d.isClosed) return;
    const version = d.version;
    const text = d.getText();
    const limit = this.config.current.maxFileSizeMB * 1024 * 1024;
    if (text.length > limit) {
      if (!this.tooLarge.has(key)) {
        this.tooLarge.add(key);
        const message = `${vscode.workspace.asRelativePath(d.uri)} is larger than dossier.maxFileSizeMB (${this.config.current.maxFileSizeMB} MB), so Dossier does not analyse it.`;
        this.log.warn(message);
        void vscode.window.showInformationMessage(`Dossier: ${message}`);
      }
      this.settleWaiters(key, undefined, true);
      return;
    }
    this.tooLarge.delete(key);
    // A text that already hit the time limit is retried only once it has shrunk noticeably,
    // so typing in it does not cost a 20-second worker restart per keystroke.
    const slowAt = this.tooSlow.get(key);
    if (slowAt !== undefined && text.length > slowAt * 0.9) {
      this.settleWaiters(key, undefined, true);
      return;
    }
    this.tooSlow.delete(key);
    // First sight of this document: paint what the index already knows while the engine works
    // (started before anything else is awaited: this is what the researcher sees first).
    if (!this.current.has(key) && !this.painting.has(key)) void this.paintCached(d, version, text);
    const options: AnalyzeOptions = { languageId: d.languageId, lexicon: this.bridge?.lexiconFor(d, text) };
    const fallback = await this.fallbackDates.of(d);
    if (fallback) options.documentDate = fallback;
    const metadataDate = this.metadataDate(d.uri);
    if (metadataDate) options.metadataDate = metadataDate;
    const job = this.worker.analyze({ doc: key, version, text, options });
    const result = await job;
    if (!result.ok) {
      // Superseded jobs are followed by a newer one; anything else leaves the old highlights.
      if (result.reason === 'timeout') {
        this.tooSlow.set(key, text.length);
        void vscode.window.showWarningMessage(
          `Dossier: analysing ${vscode.workspace.asRelativePath(d.uri)} took too long and was stopped; highlights for it are paused until it gets shorter.`,
        );
      }
      if (result.reason !== 'superseded') this.settleWaiters(key, undefined, true);
      return;
    }
    if (d.isClosed || d.version !== version) return; // an edit arrived meanwhile; its job follows
    let analysis = result.analysis;
    try {
      // The index may take a moment; an edit meanwhile makes this result stale, checked below.
      if (this.bridge) analysis = await this.bridge.accept(d, text, analysis);
    } catch (err) {
      this.log.error(`index could not apply annotations to ${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (d.isClosed || d.version !== version) return;
    const entry: DocumentAnalysis = { uri: d.uri, version, analysis, stale: false };
    this.current.set(key, entry);
    this.log.trace(`analysed ${vscode.workspace.asRelativePath(d.uri)} v${version}: ${analysis.mentions.length} mentions in ${result.ms} ms`);
    this.emitter.fire(entry);
    this.settleWaiters(key, entry, false);
  }

  /** Shows the cached analysis of exactly this text, unless the engine's result came first. */
  private async paintCached(d: vscode.TextDocument, version: number, text: string): Promise<void> {
    const key = d.uri.toString();
    let analysis: Analysis | undefined;
    this.painting.add(key);
    try {
      analysis = await this.bridge?.cached(d, text);
    } catch (err) {
      this.log.warn(`cached analysis of ${key} unreadable: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.painting.delete(key);
    }
    if (!analysis || d.isClosed || d.version !== version || this.current.has(key)) return;
    const entry: DocumentAnalysis = { uri: d.uri, version, analysis, stale: false };
    this.current.set(key, entry);
    this.log.trace(`painted ${vscode.workspace.asRelativePath(d.uri)} v${version} from the cache: ${analysis.mentions.length} mentions`);
    this.emitter.fire(entry);
    this.settleWaiters(key, entry, false);
  }

  private settleWaiters(key: string, entry: DocumentAnalysis | undefined, all: boolean): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const keep = list.filter((w) => {
      if (all || (entry && entry.version >= w.version)) {
        w.resolve(entry);
        return false;
      }
      return true;
    });
    if (keep.length) this.waiters.set(key, keep);
    else this.waiters.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const key of [...this.waiters.keys()]) this.settleWaiters(key, undefined, true);
    for (const s of this.subscriptions) s.dispose();
  }
}

function analysisKey(c: DossierConfig): string {
  return JSON.stringify([c.languages, c.documentDateFallback, c.maxFileSizeMB]);
}
