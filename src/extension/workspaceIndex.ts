// The index's life in the editor: opened in the background on activation, scanned with
// progress, kept current by IndexFileSync, reopened when trust or coverage settings change.
// A multi-root workspace has one index (and .dossier/) per folder, combined by MultiRootIndex;
// adding or removing a folder reopens it.
import * as vscode from 'vscode';
import type { EntityIndex, IndexChangeEvent, ScanSummary } from '../core/index/types';
import { MultiRootIndex } from '../core/index/multiRootIndex';
import type { ConfigMonitor, DossierConfig } from './config';
import { IndexLifecycle } from './analysis/indexLifecycle';
import { CorrectionsScheduler } from './analysis/correctionsScheduler';
import type { WorkerClient } from './analysis/workerClient';
import type { TrustState } from './trustState';
import { IndexFileSync } from './indexFileSync';
import type { TeamConnection } from './team/teamConnection';
import type { VscodeWorkspace } from './vscodeWorkspace';
import { FolderSet } from './workspaceFolders';
import { openFolderSetIndex } from './folderIndex';
import type { SourceService } from './sources/sourceService';
import { originalUriOf, textUriOf } from './sources/sourceUri';

export interface IndexProgress {
  done: number;
  total: number;
}

export class WorkspaceIndex implements vscode.Disposable {
  private folderSet: FolderSet;
  private lifecycle: IndexLifecycle | undefined;
  private fileSyncs: vscode.Disposable[] = [];
  private indexSubscription: { dispose(): void } | undefined;
  private scanJobs = 0;
  private progressValue: IndexProgress | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<IndexChangeEvent>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [this.changeEmitter, this.progressEmitter];
  private readonly reported = new Set<string>();
  private readonly corrections: CorrectionsScheduler;
  /** Index changes, across reopenings: subscribe here rather than on the index itself. */
  readonly onDidChange = this.changeEmitter.event;
  /** Scan progress; undefined when a scan ends. */
  readonly onDidChangeProgress = this.progressEmitter.event;

  constructor(
    private readonly config: ConfigMonitor,
    private readonly trust: TrustState,
    private readonly worker: WorkerClient,
    private readonly log: vscode.LogOutputChannel,
    private readonly sources?: SourceService,
    /** Resolves once the documents on screen are analysed: the background scan starts after. */
    private readonly beforeScan?: () => Promise<void>,
    /** The team index (PostgreSQL) when the workspace is connected to one: annotations and registry there. */
    private readonly team?: TeamConnection,
  ) {
    this.folderSet = new FolderSet(vscode.workspace.workspaceFolders ?? [], sources);
    this.corrections = new CorrectionsScheduler(
      {
        index: () => this.index,
        port: () => this.folderSet.port(),
        changed: async () => {
          // Every document's analysis depends on the tagger: open editors now, the rest by a rescan.
          this.changeEmitter.fire({ documents: [], entities: [], annotations: false, all: true });
          await this.lifecycle?.rescan();
        },
      },
      worker,
      log,
    );
    this.subscriptions.push(
      // Each new ruling may retrain the tagger: wait for a pause in annotating first.
      this.changeEmitter.event((e) => e.annotations && this.corrections.schedule()),
      this.corrections,
      { dispose: () => this.fileSyncs.forEach((s) => s.dispose()) },
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.foldersChanged()),
      ...(team ? [team.onDidChangeMode(() => this.reopen(team.enabled ? 'connected to the team index' : 'using the workspace files'))] : []),
      trust.onDidChange(() => this.reopen('workspace trust changed')),
    );
    let coverage = coverageKey(config.current);
    this.subscriptions.push(
      config.onDidChange((c) => {
        const next = coverageKey(c);
        if (next !== coverage) {
          coverage = next;
          this.reopen('include/exclude settings changed');
        }
      }),
    );
    this.watchFolders();
    if (this.folderSet.folders.length) this.lifecycle = this.createLifecycle();
  }

  /** The first workspace folder (exports default there); undefined with no folder open. */
  get workspace(): VscodeWorkspace | undefined {
    return this.folderSet.folders[0]?.workspace;
  }

  /** The indexed folders and the uri <-> index path mapping. */
  get folders(): FolderSet {
    return this.folderSet;
  }

  /** The folder a document of the index is in, shown in the views; undefined with a single folder. */
  folderOf(path: string): string | undefined {
    return this.folderSet.folderOf(path);
  }

  private createLifecycle(): IndexLifecycle {
    const beforeScan = this.beforeScan;
    return new IndexLifecycle({
      open: () => this.open(),
      onOpened: (index) => {
        this.indexSubscription = index.onDidChange((e) => this.changeEmitter.fire(e));
        void vscode.commands.executeCommand('setContext', 'dossier.hasIndex', true);
        if (index.readOnly && this.trust.trusted) this.warnOnce(`Dossier index is read-only: ${index.readOnlyReason ?? 'unknown reason'}`);
      },
      onClosing: () => this.indexSubscription?.dispose(),
      onScanned: (index, summary) => this.reportScan(index, summary),
      onOpenFailed: (err) => {
        const message = err instanceof Error ? err.message : String(err);
        this.log.error(`could not open the Dossier index: ${message}`);
        this.warnOnce(`Dossier could not open its index: ${message}. Highlights still work; see the Dossier output.`);
      },
      onScanFailed: (err) => this.log.error(`indexing failed: ${err instanceof Error ? err.message : String(err)}`),
      onProgress: (p) => this.setProgress(p && { done: p.done, total: p.total }),
      // The Documents view shows documents waiting for a retry; a changed schedule refreshes it.
      onRetriesChanged: () => this.changeEmitter.fire({ documents: [], entities: [], annotations: false, all: true }),
      beforeScan,
    });
  }

  /** One IndexFileSync per folder, each over that folder's own index. */
  private watchFolders(): void {
    for (const s of this.fileSyncs) s.dispose();
    this.fileSyncs = this.folderSet.folders.map(
      (f) => new IndexFileSync(f.workspace, () => this.folderIndex(f.name), this.config, this.log, () => void this.lifecycle?.rescan()),
    );
  }

  private async folderIndex(name: string): Promise<EntityIndex | undefined> {
    const index = await this.index;
    if (index instanceof MultiRootIndex) return index.parts.find((p) => p.name === name)?.index;
    return index;
  }

  /** Folders added, removed or renamed: each keeps its own .dossier/, so the index is reopened. */
  private foldersChanged(): void {
    const next = new FolderSet(vscode.workspace.workspaceFolders ?? [], this.sources);
    if (next.key === this.folderSet.key) return;
    this.folderSet = next;
    this.watchFolders();
    if (!this.lifecycle && next.folders.length) {
      this.lifecycle = this.createLifecycle();
      this.changeEmitter.fire({ documents: [], entities: [], annotations: true, all: true });
    } else this.reopen(`workspace folders changed (${next.folders.map((f) => f.name).join(', ') || 'none'})`);
  }

  /** The index, once .dossier/ has loaded (the scan goes on in the background). */
  get index(): Promise<EntityIndex | undefined> {
    return this.lifecycle?.index ?? Promise.resolve(undefined);
  }

  /** The corrections the tagger follows ('' = the shipped tagger): part of the analysis cache key. */
  get correctionsKey(): string {
    return this.worker.correctionsKey;
  }

  /** Scan progress while indexing, else undefined. */
  get progress(): IndexProgress | undefined {
    return this.progressValue;
  }

  /** Documents whose analysis failed, with their retry count and when the next retry is due. */
  pendingRetries(): { path: string; error: string; attempts: number; dueAt: number }[] {
    return this.lifecycle?.pendingRetries() ?? [];
  }

  /** The path the index uses for a uri (`folder/relative` in a multi-root workspace); undefined outside the folders. */
  pathOf(uri: vscode.Uri): string | undefined {
    return this.folderSet.pathOf(originalUriOf(uri));
  }

  /** Where a document opens: PDF, HTML and DOCX files as their read-only text (dossier-source:). */
  uriOf(path: string): vscode.Uri | undefined {
    const uri = this.folderSet.uri(path);
    return uri && textUriOf(uri);
  }

  /** Rebuilds from the files (cached analyses are reused when content and engine match). */
  async reindex(): Promise<ScanSummary | undefined> {
    return this.lifecycle?.rescan();
  }

  private async open(): Promise<EntityIndex> {
    const index = await openFolderSetIndex(this.folderSet, {
      config: this.config.current,
      trusted: this.trust.trusted,
      worker: this.worker,
      team: this.team,
      nextJob: () => ++this.scanJobs,
    });
    // Before the first scan when the adapted model is cached (quick), so a workspace with
    // corrections is analysed once, with them; a model to build first is built in the background.
    await this.corrections.atOpen(index);
    return index;
  }

  private reopen(reason: string): void {
    this.log.info(`reopening the index: ${reason}`);
    void this.lifecycle?.reopen();
    this.changeEmitter.fire({ documents: [], entities: [], annotations: true, all: true });
  }

  private reportScan(index: EntityIndex, summary: ScanSummary): void {
    this.log.info(
      `indexed ${summary.documents} documents in ${summary.ms} ms (${summary.analysed} analysed, ${summary.fromCache} cached, ${summary.removed} removed)`,
    );
    for (const s of summary.skipped) this.log.warn(`not indexed: ${s.path}: ${s.reason}`);
    for (const d of index.diagnostics()) {
      const line = `${d.path ? `${d.path}: ` : ''}${d.message}`;
      if (d.severity === 'error') this.warnOnce(`Dossier: ${line}`);
      else this.log.info(line);
    }
  }

  private setProgress(p: IndexProgress | undefined): void {
    this.progressValue = p;
    this.progressEmitter.fire(p);
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    void this.lifecycle?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function coverageKey(c: DossierConfig): string {
  return JSON.stringify([c.include, c.exclude, c.maxFileSizeMB, c.sources]);
}
