// Quote highlights: a subtle decoration of their own (theme colour `dossier.quote.background`,
// a left-edge mark in the overview ruler), turned off by `dossier.quotes.highlight`.
import * as vscode from 'vscode';
import { toRange } from '../convert';
import type { DossierServices } from '../services';

const SETTING = 'quotes.highlight';

export function registerQuoteDecorations(services: DossierServices): vscode.Disposable {
  const { analysis } = services;
  const type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('dossier.quote.background'),
    overviewRulerColor: new vscode.ThemeColor('dossier.quote.background'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  /** What the in-host tests read back: quote offsets per document uri. */
  const applied = new Map<string, [number, number][]>();
  const enabled = (): boolean => vscode.workspace.getConfiguration('dossier').get<boolean>(SETTING, true);

  const decorate = (editor: vscode.TextEditor): void => {
    const doc = editor.document;
    const current = enabled() && analysis.isDossierDocument(doc) ? analysis.get(doc.uri) : undefined;
    const quotes = (current?.analysis.quotes ?? []).filter((q) => q.end <= doc.getText().length);
    editor.setDecorations(type, quotes.map((q) => toRange(doc, q)));
    applied.set(doc.uri.toString(), quotes.map((q) => [q.start, q.end]));
  };
  const decorateAll = (): void => vscode.window.visibleTextEditors.forEach(decorate);

  decorateAll();
  return vscode.Disposable.from(
    type,
    analysis.onDidAnalyze((a) => {
      for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === a.uri.toString()) decorate(e);
    }),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`dossier.${SETTING}`) && decorateAll()),
    vscode.workspace.onDidCloseTextDocument((d) => applied.delete(d.uri.toString())),
    vscode.commands.registerCommand('dossier._test.quoteDecorations', () => {
      const editor = vscode.window.activeTextEditor;
      return editor ? (applied.get(editor.document.uri.toString()) ?? []) : [];
    }),
  );
}
