// Connects live analysis of open editors to the index: the editor's text (saved or not) is
// what the index records for that document, and the index's annotations give provenance.
import * as vscode from 'vscode';
import { EMPTY_LEXICON, type Analysis } from '../../core/model';
import type { EntityIndex } from '../../core/index/types';
import { stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import type { ConfigMonitor, DossierConfig } from '../config';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { AnalysisIndexBridge } from './analysisService';
import { originalUriOf } from '../sources/sourceUri';

export function createIndexBridge(workspaceIndex: WorkspaceIndex, config: ConfigMonitor): AnalysisIndexBridge & vscode.Disposable {
  const lexiconChanged = new vscode.EventEmitter<void>();
  const subscription = workspaceIndex.onDidChange((e) => {
    if (e.annotations || e.all) lexiconChanged.fire();
  });
  // lexiconFor is synchronous; the index resolves once and is then read directly.
  let index: Awaited<typeof workspaceIndex.index> = undefined;
  const track = (): void => {
    void workspaceIndex.index.then((i) => {
      index = i;
    });
  };
  track();
  const reopened = workspaceIndex.onDidChange((e) => e.all && track());

  /** The index and the document's path in it, when the index covers the document. */
  const indexed = async (document: vscode.TextDocument): Promise<{ current?: EntityIndex; path?: string }> => {
    const current = await workspaceIndex.index;
    index = current;
    const path = workspaceIndex.pathOf(document.uri);
    // An open file outside dossier.include (or excluded) is highlighted but not indexed.
    if (!current || path === undefined || document.isUntitled || !covers(config.current, path)) return {};
    return { current, path };
  };

  return {
    onDidChangeLexicon: lexiconChanged.event,
    lexiconFor(document, text) {
      const path = workspaceIndex.pathOf(document.uri);
      if (!index) return EMPTY_LEXICON;
      // Documents outside the folder still learn the workspace's names.
      return path === undefined ? index.lexicon() : index.lexiconFor(path, text);
    },
    async accept(document, text, analysis): Promise<Analysis> {
      const { current, path } = await indexed(document);
      if (!current || path === undefined) return analysis;
      // A closed editor's document lingers in memory: once its file is deleted, a late re-analysis
      // (a lexicon or corrections change) must not bring it back into the index.
      if (!document.isDirty && !(await exists(originalUriOf(document.uri)))) return analysis;
      const record = await current.updateDocument(path, text, analysis);
      return { ...analysis, mentions: record.mentions, quotes: record.quotes };
    },
    async cached(document, text): Promise<Analysis | undefined> {
      const { current, path } = await indexed(document);
      const record = current && path !== undefined ? await current.cachedDocument(path, text) : undefined;
      return record && { ...record.analysis, mentions: record.mentions };
    },
    dispose() {
      subscription.dispose();
      reopened.dispose();
      lexiconChanged.dispose();
    },
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    // node:fs for files on disk: workspace.fs waits on the window.
    if (uri.scheme === 'file') await stat(uri.fsPath);
    else await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

let matcher: { key: string; test: (path: string) => boolean } | undefined;

/** Whether the index covers `path` under the current include/exclude settings. */
function covers(c: DossierConfig, path: string): boolean {
  const key = JSON.stringify([c.include, c.exclude]);
  if (matcher?.key !== key) {
    const included = picomatch([c.include], { dot: true });
    const excluded = picomatch(c.exclude, { dot: true });
    matcher = { key, test: (p) => included(p) && !excluded(p) };
  }
  return matcher.test(path);
}
