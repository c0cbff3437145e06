// Connects live analysis of open editors to the index: the editor's text (saved or not) is
// what the index records for that document, and the index's annotations give provenance.
import * as vscode from 'vscode';
import { EMPTY_LEXICON, type Analysis } from '../../core/model';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { AnalysisIndexBridge } from './analysisService';

export function createIndexBridge(workspaceIndex: WorkspaceIndex): AnalysisIndexBridge & vscode.Disposable {
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

  return {
    onDidChangeLexicon: lexiconChanged.event,
    lexiconFor(document, text) {
      const path = workspaceIndex.pathOf(document.uri);
      if (!index) return EMPTY_LEXICON;
      // Documents outside the folder still learn the workspace's names.
      return path === undefined ? index.lexicon() : index.lexiconFor(path, text);
    },
    async accept(document, text, analysis): Promise<Analysis> {
      const current = await workspaceIndex.index;
      index = current;
      const path = workspaceIndex.pathOf(document.uri);
      if (!current || path === undefined || document.isUntitled) return analysis;
      const record = await current.updateDocument(path, text, analysis);
      return { ...analysis, mentions: record.mentions };
    },
    dispose() {
      subscription.dispose();
      reopened.dispose();
      lexiconChanged.dispose();
    },
  };
}
