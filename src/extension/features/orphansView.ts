// The Orphans view: annotations that could not be re-anchored after edits, with the reason.
// They are never deleted; the researcher can open the document and redo the decision.
import * as vscode from 'vscode';
import type { Orphan } from '../../core/index/types';
import type { DossierServices } from '../services';
import { exposeTreeForTests } from './treeSnapshot';

interface OrphanNode {
  orphan: Orphan;
  uri: string | undefined;
}

const KIND_LABEL: Record<string, string> = {
  add: 'Added mention',
  confirm: 'Confirmation',
  reject: 'Rejection',
  relabel: 'Type change',
  link: 'Link',
  merge: 'Merge',
  split: 'Split',
  rename: 'Rename',
  note: 'Note',
};

class OrphansProvider implements vscode.TreeDataProvider<OrphanNode> {
  private readonly emitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  nodes: OrphanNode[] = [];

  set(nodes: OrphanNode[]): void {
    this.nodes = nodes;
    this.emitter.fire(undefined);
  }

  getTreeItem(node: OrphanNode): vscode.TreeItem {
    const a = node.orphan.annotation;
    const quote = a.target?.selector[0].exact;
    const item = new vscode.TreeItem(`${KIND_LABEL[a.kind] ?? a.kind}${quote ? `: “${quote.replace(/\s+/g, ' ').slice(0, 60)}”` : ''}`);
    item.description = `${a.target?.source ?? ''} — ${node.orphan.reason}`;
    item.tooltip = new vscode.MarkdownString().appendText(
      `${KIND_LABEL[a.kind] ?? a.kind} by ${a.author}, ${a.created}\n${a.target ? `in ${a.target.source}\n` : ''}Reason: ${node.orphan.reason}`,
    );
    item.iconPath = new vscode.ThemeIcon('warning');
    item.contextValue = 'orphan';
    item.id = `orphan:${a.id}`;
    if (node.uri && a.target) {
      const position = a.target.selector[1];
      item.command = { command: 'dossier.openMention', title: 'Open Where It Was', arguments: [node.uri, position.start, position.end] };
    }
    return item;
  }

  getChildren(node?: OrphanNode): OrphanNode[] {
    return node ? [] : this.nodes;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function registerOrphansView(services: DossierServices): vscode.Disposable {
  const provider = new OrphansProvider();
  const view = vscode.window.createTreeView('dossier.orphans', { treeDataProvider: provider });
  const refresh = async (): Promise<void> => {
    const index = await services.index;
    const orphans = index?.orphans() ?? [];
    provider.set(orphans.map((orphan) => {
      const source = orphan.annotation.target?.source;
      return { orphan, uri: source === undefined ? undefined : services.workspaceIndex.uriOf(source)?.toString() };
    }));
    view.badge = orphans.length ? { value: orphans.length, tooltip: `${orphans.length} orphaned annotation${orphans.length === 1 ? '' : 's'}` } : undefined;
  };
  void refresh();
  return vscode.Disposable.from(
    view,
    provider,
    services.workspaceIndex.onDidChange((e) => (e.annotations || e.all || e.documents.length) && void refresh()),
    exposeTreeForTests('dossier.orphans', provider),
  );
}
