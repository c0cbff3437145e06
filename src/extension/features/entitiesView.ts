// The Entities view: scope (this document / workspace), filter, sort, context-menu actions,
// and revealing the entity under the cursor.
import * as vscode from 'vscode';
import type { Orphan } from '../../core/index/types';
import type { DossierServices } from '../services';
import { spanAt } from '../convert';
import { EntitiesProvider } from './entitiesProvider';
import { documentMentions, entityChildren, type EntitiesNode, type EntitiesScope, type EntitiesSort } from './entitiesTree';
import { openMention } from './indexCommands';
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
  let lastDocument: vscode.TextDocument | undefined;

  const describe = (): void => {
    const s = provider.source;
    view.description = s.scope === 'document' ? (lastDocument ? vscode.workspace.asRelativePath(lastDocument.uri) : 'no document') : 'Workspace';
    view.message = s.filter ? `Filter: “${s.filter}” · sorted by ${s.sort}` : undefined;
    void vscode.commands.executeCommand('setContext', 'dossier.entities.scope', s.scope);
    void vscode.commands.executeCommand('setContext', 'dossier.entities.filtered', s.filter !== '');
  };

  const refreshDocument = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (editor && analysis.isDossierDocument(editor.document)) lastDocument = editor.document;
    if (lastDocument?.isClosed) lastDocument = undefined;
    const current = lastDocument && analysis.get(lastDocument.uri);
    const document = lastDocument && current ? { uri: lastDocument.uri, text: lastDocument.getText(), analysis: current } : undefined;
    provider.update({ document });
    describe();
  };

  const refreshIndex = async (): Promise<void> => {
    provider.update({ index: await services.index });
  };

  let indexTimer: NodeJS.Timeout | undefined;
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

  const scope = async (arg?: unknown): Promise<void> => {
    const next: EntitiesScope = arg === 'document' || arg === 'workspace' ? arg : provider.source.scope === 'document' ? 'workspace' : 'document';
    await state.update('dossier.entities.scope', next);
    provider.update({ scope: next });
    refreshDocument();
  };

  const filter = async (arg?: unknown): Promise<void> => {
    const value =
      typeof arg === 'string'
        ? arg
        : await vscode.window.showInputBox({ title: 'Filter entities', prompt: 'Part of a name or alias (accents and case ignored); empty clears the filter', value: provider.source.filter });
    if (value === undefined) return;
    provider.update({ filter: value.trim() });
    describe();
  };

  const sort = async (arg?: unknown): Promise<void> => {
    const next: EntitiesSort = arg === 'count' || arg === 'name' ? arg : provider.source.sort === 'count' ? 'name' : 'count';
    await state.update('dossier.entities.sort', next);
    provider.update({ sort: next });
    describe();
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
    vscode.window.onDidChangeTextEditorSelection((e) => {
      clearTimeout(revealTimer);
      revealTimer = setTimeout(() => reveal(e.textEditor), 200);
    }),
    vscode.commands.registerCommand('dossier.entities.scope', scope),
    vscode.commands.registerCommand('dossier.entities.filter', filter),
    vscode.commands.registerCommand('dossier.entities.clearFilter', () => filter('')),
    vscode.commands.registerCommand('dossier.entities.sort', sort),
    vscode.commands.registerCommand('dossier.entities.open', open),
    exposeTreeForTests('dossier.entities', provider),
    vscode.commands.registerCommand('dossier._test.entitiesSelection', () => ({
      visible: view.visible,
      selected: view.selection.map((n) => (n.kind === 'type' ? n.type : n.entity)),
    })),
    new vscode.Disposable(() => {
      clearTimeout(indexTimer);
      clearTimeout(revealTimer);
    }),
  );
}
