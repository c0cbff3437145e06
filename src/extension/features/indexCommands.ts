// Commands over the whole index: open a mention anywhere, rebuild the index, export it.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import { toRange } from '../convert';

/** Opens `uri` with the mention selected. Args may come from command links, so check them. */
export async function openMention(uriArg: unknown, startArg?: unknown, endArg?: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof uriArg !== 'string' && !(uriArg instanceof vscode.Uri)) {
    void vscode.window.showErrorMessage('Dossier: Open Mention needs a document uri.');
    return undefined;
  }
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
  const document = await vscode.workspace.openTextDocument(uri);
  const length = document.getText().length;
  const clamp = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(length, Math.floor(v))) : 0);
  const start = clamp(startArg);
  const end = Math.max(start, clamp(endArg ?? startArg));
  const range = toRange(document, { start, end });
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerIndexCommands(services: DossierServices): vscode.Disposable {
  const { workspaceIndex } = services;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('dossier.openMention', openMention),
    vscode.commands.registerCommand('dossier.reindex', async () => {
      if (!workspaceIndex.workspace) {
        void vscode.window.showInformationMessage('Dossier: open a folder to build a workspace index.');
        return undefined;
      }
      const summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Dossier: indexing' },
        () => workspaceIndex.reindex(),
      );
      if (!summary) {
        void vscode.window.showWarningMessage('Dossier: the index is not available; see the Dossier output for why.');
        return undefined;
      }
      const skipped = summary.skipped.length ? `, ${summary.skipped.length} skipped (see the Dossier output)` : '';
      void vscode.window.showInformationMessage(
        `Dossier: indexed ${summary.documents} documents (${summary.analysed} analysed, ${summary.fromCache} from cache)${skipped}.`,
      );
      return summary;
    }),
  );
}
