// The Quotes view: who said what, speaker -> quotes with file:line, for this document or the
// whole workspace, with a filter; clicking a quote opens it. Mirrors the Entities view.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import { quoteNodes, speakerNodes, toTreeItem, type QuotesNode, type QuotesScope, type QuotesSource } from './quotesTree';
import { exposeTreeForTests } from './treeSnapshot';

class QuotesProvider implements vscode.TreeDataProvider<QuotesNode> {
  private readonly emitter = new vscode.EventEmitter<QuotesNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private speakers: QuotesNode[] | undefined;

  constructor(public source: QuotesSource) {}

  update(source: Partial<QuotesSource>): void {
    this.source = { ...this.source, ...source };
    this.speakers = undefined;
    this.emitter.fire(undefined);
  }

  getTreeItem(node: QuotesNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: QuotesNode): QuotesNode[] {
    if (!node) return (this.speakers ??= speakerNodes(this.source));
    return node.kind === 'speaker' ? quoteNodes(node) : [];
  }

  getParent(node: QuotesNode): QuotesNode | undefined {
    return node.kind === 'quote' ? node.parent : undefined;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function registerQuotesView(services: DossierServices): vscode.Disposable {
  const { analysis, workspaceIndex, context } = services;
  const state = context.workspaceState;
  const provider = new QuotesProvider({
    scope: state.get<QuotesScope>('dossier.quotes.scope', 'workspace'),
    filter: '',
    index: undefined,
    document: undefined,
    uriOf: (path) => workspaceIndex.uriOf(path),
  });
  const view = vscode.window.createTreeView('dossier.quotes', { treeDataProvider: provider, showCollapseAll: true });
  let lastDocument: vscode.TextDocument | undefined;

  const describe = (): void => {
    const s = provider.source;
    view.description = s.scope === 'document' ? (lastDocument ? vscode.workspace.asRelativePath(lastDocument.uri) : 'no document') : 'Workspace';
    view.message = s.filter ? `Filter: “${s.filter}”` : undefined;
    void vscode.commands.executeCommand('setContext', 'dossier.quotes.scope', s.scope);
    void vscode.commands.executeCommand('setContext', 'dossier.quotes.filtered', s.filter !== '');
  };

  const refreshDocument = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (editor && analysis.isDossierDocument(editor.document)) lastDocument = editor.document;
    if (lastDocument?.isClosed) lastDocument = undefined;
    const current = lastDocument && analysis.get(lastDocument.uri);
    const document =
      lastDocument && current
        ? { uri: lastDocument.uri, path: workspaceIndex.pathOf(lastDocument.uri) ?? vscode.workspace.asRelativePath(lastDocument.uri, false), text: lastDocument.getText(), analysis: current }
        : undefined;
    provider.update({ document });
    describe();
  };

  const refreshIndex = async (): Promise<void> => provider.update({ index: await services.index });

  const scope = async (arg?: unknown): Promise<void> => {
    const next: QuotesScope = arg === 'document' || arg === 'workspace' ? arg : provider.source.scope === 'document' ? 'workspace' : 'document';
    await state.update('dossier.quotes.scope', next);
    provider.update({ scope: next });
    refreshDocument();
  };

  const filter = async (arg?: unknown): Promise<void> => {
    const value =
      typeof arg === 'string'
        ? arg
        : await vscode.window.showInputBox({ title: 'Filter quotes', prompt: 'Part of a speaker’s name or of the quoted words (accents and case ignored); empty clears the filter', value: provider.source.filter });
    if (value === undefined) return;
    provider.update({ filter: value.trim() });
    describe();
  };

  let indexTimer: NodeJS.Timeout | undefined;
  refreshDocument();
  void refreshIndex();
  return vscode.Disposable.from(
    view,
    provider,
    workspaceIndex.onDidChange(() => {
      // Scans emit many changes; the tree redraws once they pause.
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => void refreshIndex(), 250);
    }),
    analysis.onDidAnalyze((a) => {
      if (provider.source.scope === 'document' && a.uri.toString() === lastDocument?.uri.toString()) refreshDocument();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => provider.source.scope === 'document' && refreshDocument()),
    vscode.commands.registerCommand('dossier.quotes.scope', scope),
    vscode.commands.registerCommand('dossier.quotes.filter', filter),
    vscode.commands.registerCommand('dossier.quotes.clearFilter', () => filter('')),
    exposeTreeForTests('dossier.quotes', provider),
    new vscode.Disposable(() => clearTimeout(indexTimer)),
  );
}
