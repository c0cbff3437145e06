// Keeps the index in step with the files: creates, changes and deletes (FileSystemWatcher),
// renames made in the editor, closing an editor without saving, and .dossier/ changed from
// outside (git pull, another window), which is merged by reload().
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { EntityIndex } from '../core/index/types';
import { sourceKindOf } from '../core/sources/types';
import type { ConfigMonitor } from './config';
import type { VscodeWorkspace } from './vscodeWorkspace';

const ANNOTATIONS = '.dossier/annotations.json';

/** True when the file holds exactly the annotations the index already has (e.g. its own write). */
function sameAnnotations(index: EntityIndex, text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const parsed = JSON.parse(text) as { annotations?: { id?: string }[] } | { id?: string }[];
    const list = Array.isArray(parsed) ? parsed : (parsed.annotations ?? []);
    const ids = list.map((a) => a.id).sort();
    const mine = index.annotations().map((a) => a.id).sort();
    return ids.length === mine.length && ids.every((id, i) => id === mine[i]);
  } catch {
    return false;
  }
}

/** Bursts (git checkout, replace-all across files) are handled in one pass after this pause. */
const COALESCE_MS = 200;
/**
 * More changed files than this at once (a corpus copied in, a branch switch) go to one
 * background rescan: each single update rebuilds the entity registry and refreshes the views,
 * which for thousands of files would keep the extension host busy for long stretches.
 */
const BURST_FILES = 50;

export class IndexFileSync implements vscode.Disposable {
  private readonly pendingPaths = new Set<string>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private lastAnnotations: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly workspace: VscodeWorkspace,
    private readonly index: () => Promise<EntityIndex | undefined>,
    private readonly config: ConfigMonitor,
    private readonly log: vscode.LogOutputChannel,
    /** Starts a background rescan of the workspace (used for bursts). */
    private readonly rescan?: () => void,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspace.root, '**/*'));
    this.subscriptions = [
      watcher,
      watcher.onDidCreate((u) => this.fileChanged(u)),
      watcher.onDidChange((u) => this.fileChanged(u)),
      watcher.onDidDelete((u) => this.fileChanged(u)),
      vscode.workspace.onDidRenameFiles((e) => void this.renamed(e)),
      // Closing an editor without saving: the index goes back to what is on disk. "Revert and
      // close" reverts first, so the document is no longer dirty when it closes, while the
      // analysis of the reverted text may be dropped with the editor: re-read it in every case
      // (an unchanged text costs one read and a hash).
      vscode.workspace.onDidCloseTextDocument((d) => this.fileChanged(d.uri)),
    ];
  }

  private fileChanged(uri: vscode.Uri): void {
    const path = this.workspace.relativePath(uri);
    if (path === undefined) return;
    if (path.startsWith('.dossier/')) {
      // Only the annotations come from outside (git pull, another window); the rest is derived.
      if (path === ANNOTATIONS) this.scheduleReload();
      return;
    }
    this.pendingPaths.add(path);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => void this.flushPending(), COALESCE_MS);
  }

  private async flushPending(): Promise<void> {
    const index = await this.index();
    if (!index) return;
    const c = this.config.current;
    const included = picomatch([c.include], { dot: true });
    const excluded = picomatch(c.exclude, { dot: true });
    const paths = [...this.pendingPaths];
    this.pendingPaths.clear();
    let failures: Set<string> | undefined;
    const failed = (): Set<string> => (failures ??= new Set(index.analysisFailures().map((f) => f.path)));
    if (this.rescan && paths.length > BURST_FILES) {
      this.log.info(`${paths.length} files changed at once: rescanning the workspace in the background`);
      this.rescan();
      return;
    }
    for (const path of paths) {
      try {
        const uri = this.workspace.uri(path);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open?.isDirty) continue; // the editor's unsaved text wins; the analysis service feeds it
        const stat = await this.workspace.stat(path);
        if (!stat) {
          // A deleted folder takes its documents with it.
          for (const doc of index.documents()) if (doc === path || doc.startsWith(`${path}/`)) await index.removeDocument(doc);
          continue;
        }
        if (!included(path) || excluded(path)) continue;
        const source = sourceKindOf(path) !== undefined;
        if (stat.size > (source ? c.sources.maxFileSizeMB : c.maxFileSizeMB) * 1024 * 1024) {
          this.log.warn(`not indexed: ${path} is larger than ${source ? 'dossier.sources.maxFileSizeMB' : 'dossier.maxFileSizeMB'}`);
          continue;
        }
        const text = await this.workspace.readFile(path);
        // Already what the index holds (an editor closed after saving): nothing to do, unless its
        // analysis failed, which a change retries.
        if (text !== undefined && (index.getText(path) !== text || failed().has(path))) await index.updateDocument(path, text);
      } catch (err) {
        this.log.error(`could not update ${path} in the index: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async renamed(e: vscode.FileRenameEvent): Promise<void> {
    const index = await this.index();
    if (!index) return;
    for (const { oldUri, newUri } of e.files) {
      const from = this.workspace.relativePath(oldUri);
      const to = this.workspace.relativePath(newUri);
      if (from === undefined || to === undefined) continue;
      try {
        // Renaming a folder renames every document under it.
        for (const doc of index.documents()) {
          if (doc === from) await index.renameDocument(doc, to);
          else if (doc.startsWith(`${from}/`)) await index.renameDocument(doc, to + doc.slice(from.length));
        }
      } catch (err) {
        this.log.error(`could not rename ${from} in the index: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(async () => {
      try {
        // The index's own writes trigger the watcher too. Reloading merges and re-analyses, and
        // that writes again, so only a content change that did not come from us goes further.
        const text = await this.workspace.readFile(ANNOTATIONS);
        if (text === this.lastAnnotations) return;
        this.lastAnnotations = text;
        const index = await this.index();
        if (!index || sameAnnotations(index, text)) return;
        await index.reload();
      } catch (err) {
        this.log.error(`could not reload .dossier/: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, 300);
  }

  dispose(): void {
    clearTimeout(this.pendingTimer);
    clearTimeout(this.reloadTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}
