// Test hook for the in-host suite: `dossier._test.tree(viewId, depth?)` walks a Dossier view's
// TreeDataProvider the way VS Code does and returns what a user would see.
import * as vscode from 'vscode';

export interface TreeSnapshotNode {
  label: string;
  description?: string;
  contextValue?: string;
  command?: { command: string; arguments?: unknown[] };
  children?: TreeSnapshotNode[];
}

const providers = new Map<string, vscode.TreeDataProvider<unknown>>();

export function exposeTreeForTests<T>(viewId: string, provider: vscode.TreeDataProvider<T>): vscode.Disposable {
  providers.set(viewId, provider as vscode.TreeDataProvider<unknown>);
  return new vscode.Disposable(() => providers.delete(viewId));
}

async function walk(provider: vscode.TreeDataProvider<unknown>, element: unknown, depth: number): Promise<TreeSnapshotNode[]> {
  const children = (await provider.getChildren(element)) ?? [];
  const out: TreeSnapshotNode[] = [];
  for (const child of children.slice(0, 200)) {
    const item = await provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const node: TreeSnapshotNode = { label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue };
    if (item.command) node.command = { command: item.command.command, arguments: item.command.arguments };
    if (depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) node.children = await walk(provider, child, depth - 1);
    out.push(node);
  }
  return out;
}

export function registerTreeSnapshot(): vscode.Disposable {
  return vscode.commands.registerCommand('dossier._test.tree', async (viewId: unknown, depth: unknown) => {
    const provider = typeof viewId === 'string' ? providers.get(viewId) : undefined;
    if (!provider) return undefined;
    return walk(provider, undefined, typeof depth === 'number' ? depth : 2);
  });
}
