// The Entities view's TreeDataProvider: nodes from ./entitiesTree, cached per refresh so each
// tree id maps to one object (VS Code tracks elements by identity).
import * as vscode from 'vscode';
import {
  documentMentions,
  entityChildren,
  entityNodes,
  entityRows,
  toTreeItem,
  typeNodes,
  type EntitiesNode,
  type EntitiesSource,
} from './entitiesTree';

export class EntitiesProvider implements vscode.TreeDataProvider<EntitiesNode> {
  private readonly emitter = new vscode.EventEmitter<EntitiesNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  source: EntitiesSource;
  private rows: ReturnType<typeof entityRows> | undefined;

  constructor(source: EntitiesSource) {
    this.source = source;
  }

  /**
   * One object per tree id until the next refresh: VS Code tracks elements by identity, and
   * reveal() with a look-alike object would register the same id twice.
   */
  private readonly nodes = new Map<string, EntitiesNode>();

  update(source: Partial<EntitiesSource>): void {
    this.source = { ...this.source, ...source };
    this.rows = undefined;
    this.nodes.clear();
    this.emitter.fire(undefined);
  }

  private intern(list: EntitiesNode[]): EntitiesNode[] {
    return list.map((n) => {
      const have = this.nodes.get(n.id);
      if (have) return have;
      this.nodes.set(n.id, n);
      return n;
    });
  }

  private currentRows(): ReturnType<typeof entityRows> {
    return (this.rows ??= entityRows(this.source));
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: EntitiesNode): EntitiesNode[] {
    return this.intern(this.children(node));
  }

  private children(node?: EntitiesNode): EntitiesNode[] {
    if (!node) return typeNodes(this.currentRows());
    switch (node.kind) {
      case 'type':
        return entityNodes(node, this.currentRows());
      case 'entity':
        return entityChildren(node, this.source);
      case 'entityDocument':
        return documentMentions(node, this.source);
      case 'mention':
        return [];
    }
  }

  getParent(node: EntitiesNode): EntitiesNode | undefined {
    return node.kind === 'type' ? undefined : node.parent;
  }

  /** The entity's node, if the current scope and filter show it. */
  entityNode(entity: string): EntitiesNode | undefined {
    for (const t of this.getChildren()) {
      const found = this.getChildren(t).find((n) => n.kind === 'entity' && n.entity === entity);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
