// What the Entities and Quotes views share: a scope (this document / the workspace) kept in
// workspace state, a filter, the description/message/context keys that show both, and the
// refreshes from the index (debounced while a scan runs) and from the active editor.
import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/index/types';
import type { DocumentAnalysis } from '../analysis/analysisService';
import type { DossierServices } from '../services';

export type ViewScope = 'document' | 'workspace';

/** The article shown in document scope. */
export interface ScopedDocument {
  uri: vscode.Uri;
  /** Workspace-relative path. */
  path: string;
  text: string;
  analysis: DocumentAnalysis;
}

export interface ScopedViewSpec {
  /** `entities` or `quotes`: commands, context keys and state are `dossier.<name>.scope|filter…`. */
  name: string;
  view: vscode.TreeView<unknown>;
  provider: {
    readonly source: { scope: ViewScope; filter: string };
    update(change: { scope?: ViewScope; filter?: string; index?: EntityIndex; document?: ScopedDocument }): void;
  };
  filterTitle: string;
  filterPrompt: string;
  /** The view's message while filtered (default: the filter itself). */
  message?(filter: string): string;
}

/** Wires scope and filter (commands `dossier.<name>.scope`, `.filter`, `.clearFilter`) and the refreshes. */
export function registerScopedView(services: DossierServices, spec: ScopedViewSpec): { disposable: vscode.Disposable; describe(): void } {
  const { analysis, workspaceIndex, context } = services;
  const { view, provider, name } = spec;
  let lastDocument: vscode.TextDocument | undefined;

  const describe = (): void => {
    const s = provider.source;
    view.description = s.scope === 'document' ? (lastDocument ? vscode.workspace.asRelativePath(lastDocument.uri) : 'no document') : 'Workspace';
    view.message = s.filter ? (spec.message?.(s.filter) ?? `Filter: “${s.filter}”`) : undefined;
    void vscode.commands.executeCommand('setContext', `dossier.${name}.scope`, s.scope);
    void vscode.commands.executeCommand('setContext', `dossier.${name}.filtered`, s.filter !== '');
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
    const next: ViewScope = arg === 'document' || arg === 'workspace' ? arg : provider.source.scope === 'document' ? 'workspace' : 'document';
    await context.workspaceState.update(`dossier.${name}.scope`, next);
    provider.update({ scope: next });
    refreshDocument();
  };

  const filter = async (arg?: unknown): Promise<void> => {
    const value = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ title: spec.filterTitle, prompt: spec.filterPrompt, value: provider.source.filter });
    if (value === undefined) return;
    provider.update({ filter: value.trim() });
    describe();
  };

  let indexTimer: NodeJS.Timeout | undefined;
  refreshDocument();
  void refreshIndex();
  const disposable = vscode.Disposable.from(
    workspaceIndex.onDidChange(() => {
      // Scans emit many changes; the tree redraws once they pause.
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => void refreshIndex(), 250);
    }),
    analysis.onDidAnalyze((a) => {
      if (provider.source.scope === 'document' && a.uri.toString() === lastDocument?.uri.toString()) refreshDocument();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => provider.source.scope === 'document' && refreshDocument()),
    vscode.commands.registerCommand(`dossier.${name}.scope`, scope),
    vscode.commands.registerCommand(`dossier.${name}.filter`, filter),
    vscode.commands.registerCommand(`dossier.${name}.clearFilter`, () => filter('')),
    new vscode.Disposable(() => clearTimeout(indexTimer)),
  );
  return { disposable, describe };
}
