// The Quotes view: who said what, speaker -> quotes with file:line, for this document or the
// whole workspace, with a filter (shared with the Entities view); clicking a quote opens it.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import { quoteNodes, speakerNodes, toTreeItem, type QuotesNode, type QuotesScope, type QuotesSource } from './quotesTree';
import { registerScopedView } from './scopedView';
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
  const { workspaceIndex, context } = services;
  const provider = new QuotesProvider({
    scope: context.workspaceState.get<QuotesScope>('dossier.quotes.scope', 'workspace'),
    filter: '',
    index: undefined,
    document: undefined,
    uriOf: (path) => workspaceIndex.uriOf(path),
  });
  const view = vscode.window.createTreeView('dossier.quotes', { treeDataProvider: provider, showCollapseAll: true });
  const scoped = registerScopedView(services, {
    name: 'quotes',
    view,
    provider,
    filterTitle: 'Filter quotes',
    filterPrompt: 'Part of a speaker’s name or of the quoted words (accents and case ignored); empty clears the filter',
  });
  return vscode.Disposable.from(view, provider, scoped.disposable, exposeTreeForTests('dossier.quotes', provider));
}
