// The Entities view: scope (this document / workspace), filter, sort, context-menu actions,
// and revealing the entity under the cursor.
import * as vscode from 'vscode';
import type { Orphan } from '../../core/index/types';
import type { DossierServices } from '../services';
import { spanAt } from '../convert';
import { EntitiesProvider } from './entitiesProvider';
import { documentMentions, entityChildren, type EntitiesNode, type EntitiesScope, type EntitiesSort } from './entitiesTree';
import { openMention } from './indexCommands';
import { registerScopedView } from './scopedView';
import { exposeTreeForTests } from './treeSnapshot';
import { originalUriOf } from '../sources/sourceUri';

export function registerEntitiesView(services: DossierServices): vscode.Disposable {
  const { analysis, config, workspaceIndex, context } = services;
  const state = context.workspaceState;
  const provider = new EntitiesProvider({
    scope: state.get<EntitiesScope>('dossier.entities.scope', 'workspace'),
    sort: state.get<EntitiesSort>('dossier.entities.sort', 'count'),
    filter: '',
    index: undefined,
    document: undefined,
    uriOf: (path) => workspaceIndex.uriOf(path),
    pageOf: (uri, offset) => services.sources.pageAt(originalUriOf(vscode.Uri.parse(uri)), offset),
  });
  const view = vscode.window.createTreeView('dossier.entities', { treeDataProvider: provider, showCollapseAll: true });
  const scoped = registerScopedView(services, {
    name: 'entities',
    view,
    provider,
    filterTitle: 'Filter entities',
    filterPrompt: 'Part of a name or alias (accents and case ignored); empty clears the filter',
    message: (filter) => `Filter: “${filter}” · sorted by ${provider.source.sort}`,
  });
  let revealTimer: NodeJS.Timeout | undefined;

  const reveal = (editor: vscode.TextEditor): void => {
    if (!config.current.revealInTree || !view.visible || !analysis.isDossierDocument(editor.document)) return;
    const current = analysis.get(editor.document.uri);
    if (!current) return;
    const mentions = current.analysis.mentions.filter((m) => m.provenance !== 'rejected');
    const mention = spanAt(mentions, editor.document.offsetAt(editor.selection.active));
    const node = mention && provider.entityNode(mention.entity);
    // focus: false keeps the keyboard in the editor while the researcher reads.
    if (node) void view.reveal(node, { select: true, focus: false, expand: false });
  };

  const sort = async (arg?: unknown): Promise<void> => {
    const next: EntitiesSort = arg === 'count' || arg === 'name' ? arg : provider.source.sort === 'count' ? 'name' : 'count';
    await state.update('dossier.entities.sort', next);
    provider.update({ sort: next });
    scoped.describe();
  };

  /** "Open" from any Dossier view's context menu: entities, documents and orphans. */
  const open = async (arg?: unknown): Promise<void> => {
    if (!arg || typeof arg !== 'object') return;
    const node = arg as { kind?: string; uri?: string; start?: number; end?: number; orphan?: Orphan };
    if (node.orphan && node.uri) {
      const at = node.orphan.annotation.target?.selector[1];
      await openMention(node.uri, at?.start ?? 0, at?.end ?? 0);
      return;
    }
    if ((node.kind === 'mention' || node.kind === 'document') && node.uri) {
      await openMention(node.uri, node.start ?? 0, node.end ?? node.start ?? 0);
      return;
    }
    if (node.kind !== 'entity' && node.kind !== 'entityDocument') return;
    const tree = arg as EntitiesNode;
    const first = tree.kind === 'entity' ? entityChildren(tree, provider.source)[0] : tree;
    const target = first?.kind === 'entityDocument' ? documentMentions(first, provider.source)[0] : first;
    if (target?.kind === 'mention') await openMention(target.uri, target.start, target.end);
  };

  return vscode.Disposable.from(
    view,
    provider,
    scoped.disposable,
    vscode.window.onDidChangeTextEditorSelection((e) => {
      clearTimeout(revealTimer);
      revealTimer = setTimeout(() => reveal(e.textEditor), 200);
    }),
    vscode.commands.registerCommand('dossier.entities.sort', sort),
    vscode.commands.registerCommand('dossier.entities.open', open),
    exposeTreeForTests('dossier.entities', provider),
    vscode.commands.registerCommand('dossier._test.entitiesSelection', () => ({
      visible: view.visible,
      selected: view.selection.map((n) => (n.kind === 'type' ? n.type : n.entity)),
    })),
    new vscode.Disposable(() => clearTimeout(revealTimer)),
  );
}
